#!/usr/bin/env bash
# Screenshots of the Quito site, for the documentation: the home page, an axis, a project and a
# group-by page (the projects index when the site has none) at 375 px and 1280 px wide, each
# cropped to the page's height or 2000 px, whichever is less.
#
# Usage: docs/screenshots/make.sh [PUBLIC_DIR]     (PUBLIC_DIR defaults to public/: `make site` first)
# Needs Debian's chromium and chromium-driver and Python's selenium (as `make test` does).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
public=$(cd "${1:-$here/../../public}" && pwd)
[ -f "$public/index.html" ] || { echo "no site in $public: run make site first" >&2; exit 2; }

exec python3 - "$public" "$here" <<'PY'
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

public, out = Path(sys.argv[1]), Path(sys.argv[2])
MAX_HEIGHT = 2000


def first(*pages):
    """The first of `pages` the site has."""
    return next(page for page in pages if (public / page / "index.html").exists())


shots = {
    "home": "",
    "axis": "ejes/ciudad-compacta-e-integrada/",
    "project": "proyectos/rcn-visa/",
    "group": first("proyectos/estado/en-marcha/", "proyectos/"),
}
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=es"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


def resize(width, height):
    """Makes the viewport, not the window, `width` × `height` CSS pixels."""
    driver.set_window_size(width, height)
    inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])


try:
    for width in [375, 1280]:
        for name, page in shots.items():
            resize(width, 800)
            driver.get((public / page / "index.html").as_uri())
            height = min(MAX_HEIGHT, driver.execute_script("return document.documentElement.scrollHeight"))
            resize(width, height)
            path = out / f"{name}-{width}.png"
            driver.save_screenshot(str(path))
            print(f"{path.relative_to(out.parent.parent)}: /{page} ({width} × {height} px, "
                  f"{path.stat().st_size // 1024} KB)")
finally:
    driver.quit()
PY
