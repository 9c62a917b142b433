"""Widget tests run the real ipympl backend headless: its canvases are widgets with no front end."""
import matplotlib

matplotlib.use("module://ipympl.backend_nbagg")
