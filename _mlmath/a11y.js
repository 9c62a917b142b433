// What the live view needs for a screen reader and a keyboard, which ipywidgets 8 and ipympl 0.10 leave out: names
// for the slider handles, their typed readouts and the Play buttons; each handle's value as its readout shows it (a
// log slider's own is the exponent); a name for the figure; the readout below it announced when it changes; and Tab
// leaving the figure (ipympl keeps every key for matplotlib); and a typed value meaning what it says (below). The
// anywidget of a11y.py runs this in the page.
const PLAY = {"fa-play": "play", "fa-pause": "pause", "fa-stop": "stop and go back to step 0", "fa-retweet": "repeat"};
function set(element, attribute, value) {
  if (element && value && element.getAttribute(attribute) !== value) element.setAttribute(attribute, value);
}
function name(root, figure) {
  for (const slider of root.querySelectorAll(".widget-slider")) {
    const label = slider.querySelector(".widget-label")?.textContent.trim();
    const handle = slider.querySelector(".noUi-handle");
    const readout = slider.querySelector(".widget-readout");
    set(handle, "aria-label", label);
    set(handle, "aria-valuetext", readout?.textContent.trim());  // the value as shown, not a log-scale exponent
    set(readout, "aria-label", label && `${label}, type a value`);
  }
  for (const button of root.querySelectorAll(".widget-play button")) {
    set(button, "aria-label", PLAY[Object.keys(PLAY).find((c) => button.querySelector("." + c))]);
  }
  const canvas = root.querySelector(".jupyter-matplotlib-canvas-div");
  set(canvas, "role", "figure");
  set(canvas, "aria-label", figure);
  set(root.querySelector(".mlmath-readout"), "aria-live", "polite");
}
// A value typed into a slider's readout, as ipywidgets 8 reads it (parseFloat, then clamped to the slider's range):
// the readout shows negative values with the true minus sign (−, U+2212), which parseFloat refuses, so "−3.00"
// reverted without a word; and "0,5" read as 0, clamped to the minimum. Before ipywidgets reads the text (Enter, or
// leaving the readout), a true minus or a dash becomes "-" and a decimal comma a point ("0,5" is 0.5).
function typed(text) {
  const ascii = text.trim().replace(/^[\u2212\u2013\u2012\u2010\uFE63\uFF0D]/, "-");
  return /^[-+]?\d*,\d+(e[-+]?\d+)?$/i.test(ascii) ? ascii.replace(",", ".") : ascii;
}
function normalise(event) {
  const readout = event.target;
  if (!readout.classList?.contains("widget-readout")) return;
  if (event.type === "keydown" && event.key !== "Enter") return;
  const text = typed(readout.textContent);
  if (text !== readout.textContent) readout.textContent = text;
}
export default {
  render({ model, el }) {
    let observer, frame;
    // ipympl's canvas takes every key for matplotlib, Tab too: let Tab move on, so the figure is no keyboard trap
    const tab = (event) => {
      if (event.key === "Tab" && event.target.classList.contains("jupyter-matplotlib-canvas-div")) event.stopPropagation();
    };
    const start = () => {
      const root = el.closest(".mlmath-explorer");
      if (!root) { frame = requestAnimationFrame(start); return; }
      const update = () => name(root, model.get("figure"));
      update();
      observer = new MutationObserver(update);
      observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true,
                               attributeFilter: ["aria-valuetext"] });
      root.addEventListener("keydown", tab, true);
      root.addEventListener("keydown", normalise, true);  // capture: before the slider's own handlers read it
      root.addEventListener("focusout", normalise, true);
      el.cleanup = () => {
        root.removeEventListener("keydown", tab, true);
        root.removeEventListener("keydown", normalise, true);
        root.removeEventListener("focusout", normalise, true);
      };
    };
    start();
    return () => { cancelAnimationFrame(frame); observer?.disconnect(); el.cleanup?.(); };
  },
};
