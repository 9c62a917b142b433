"""matplotlib's and ipympl's private internals, all of them, in one place (written against matplotlib 3.11.2 and
ipympl 0.10.0, the pins of requirements.txt; tests/test_private_internals.py fails when what is used here changes).

- The frame encoder: matplotlib webagg's `get_diff_image` is replaced on each explorer's canvas by `frame_png`,
  which reads and writes `_png_is_old`, `_force_full`, `_last_buff` and calls `set_image_mode`, as matplotlib's
  own does, but compares and sends only the boxes a blit changed and encodes them faster (`png`).
- `draw_without_sending`: FigureCanvasAgg.draw past ipympl's draw, which would send the browser a frame.
- `free_canvas`: a closed figure's pixels (`_last_buff`, ipympl's `_data_url`, Agg's cached `renderer`) and its
  `_lastKey` let go, though an output still holds the canvas.
"""
import struct
import zlib

import numpy as np

PINS = {"matplotlib": "3.11.2", "ipympl": "0.10.0"}
_WEBAGG = ("_png_is_old", "_force_full", "_last_buff", "set_image_mode")


def install_frame_encoder(canvas):
    """Make `frame_png` the canvas's `get_diff_image`, if the canvas is webagg's as pinned (ipympl's is)."""
    if all(hasattr(canvas, a) for a in _WEBAGG):
        canvas.get_diff_image = lambda: frame_png(canvas)


def send_only(canvas, boxes):
    """Tell `frame_png` that only these (rows, cols) boxes of the canvas changed since the last frame."""
    canvas._mlmath_regions = boxes


def draw_without_sending(canvas):
    """A full draw on the canvas's own renderer that sends the browser nothing: before its view is up, ipympl 0.10
    would send raw pixels where the browser expects a PNG, and the canvas stayed blank in JupyterLab."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    FigureCanvasAgg.draw(canvas)


def free_canvas(canvas):
    """Let go of a closed canvas's pixels and last key, though an output still holds it."""
    canvas._last_buff = np.empty((0, 0))
    canvas._data_url = None  # ipympl's PNG snapshot, as text
    canvas.__dict__.pop("renderer", None)  # FigureCanvasAgg's cached renderer: the pixel buffer
    canvas._lastKey = None


def png(rgba):
    """PNG bytes of an (h, w, 4) uint8 RGBA image: rows unfiltered, zlib level 1.

    Three to four times faster to make than Pillow's default (which tries five row filters and
    compresses harder) on the frames a blit sends, mostly zeros, and no slower for the browser to decode.
    """
    h, w, _ = rgba.shape
    rows, pixels = _png_rows(h, w)
    pixels[...] = rgba.view(np.uint32).reshape(h, w)
    return _png_of_rows(rows)


def _png_rows(h, w):
    """A zeroed PNG scanline buffer (h, 1 + 4w) uint8, each row filter type 0 then its pixels, and the (h, w)
    uint32 view of its pixels (RGBA bytes in memory order) to write them into."""
    rows = np.zeros((h, 1 + 4 * w), np.uint8)
    return rows, rows[:, 1:].view(np.uint32)


def _png_of_rows(rows):
    """PNG bytes of a `_png_rows` buffer: 8 bits per channel, RGBA, no interlace, zlib level 1."""
    h, w = rows.shape[0], (rows.shape[1] - 1) // 4

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 1))
            + chunk(b"IEND", b""))


def frame_png(canvas):
    """The next frame for ipympl's browser view: matplotlib's `get_diff_image` (webagg, 3.11), encoded by `png`.

    Only the pixels that changed since the last frame are sent (others are zero, transparent) unless a
    full frame is due: the first, after a resize, or when the figure has transparent pixels. After a
    blit, `canvas._mlmath_regions` [(rows, cols)] bounds what changed: only those boxes are compared and kept,
    and the frame stops at their bottom-right corner (the browser draws a frame from the top-left, over the
    last one).
    """
    if not canvas._png_is_old:
        return None
    boxes, canvas._mlmath_regions = getattr(canvas, "_mlmath_regions", None), None
    pixels = np.asarray(canvas.get_renderer().buffer_rgba())  # (h, w, 4)
    buff = pixels.view(np.uint32).squeeze(2)  # (h, w): one number per pixel, compared in one call
    full = canvas._force_full or buff.shape != canvas._last_buff.shape
    if full or boxes is None:
        boxes = [(slice(0, buff.shape[0]), slice(0, buff.shape[1]))]
    canvas._force_full, canvas._png_is_old = False, False
    if full or any((pixels[box][:, :, 3] != 255).any() for box in boxes):
        canvas.set_image_mode("full")
        canvas._last_buff = buff.copy()
        return png(pixels)
    canvas.set_image_mode("diff")
    png_rows, frame = _png_rows(max([r.stop for r, _ in boxes], default=1), max([c.stop for _, c in boxes], default=1))
    for box in boxes:  # zero is transparent: the browser keeps its last frame there
        new, old = buff[box], canvas._last_buff[box]
        np.copyto(frame[box], new, where=new != old)
        old[...] = new
    return _png_of_rows(png_rows)
