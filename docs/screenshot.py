"""Screenshot the HTML report of the sample cluster into docs/report.png.

Run: python docs/screenshot.py [--width 1400] [--click 1] [--output docs/report.png]
Needs the test extra (playwright) and Debian's chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import synopsis
from synopsis.render import render_html

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "iran-isis-2014"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--click", type=int, default=1, help="summary sentence to click (0: none)")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "report.png")
    args = parser.parse_args()

    (cluster,) = synopsis.load([SAMPLE]).clusters  # as `synopsis summarize` reads it
    summary = synopsis.summarize(cluster, words=100)
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "report.html"
        page_path.write_text(render_html(summary), encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(page_path.as_uri())
            if args.click:
                page.locator(".sent").nth(args.click - 1).click()
                page.wait_for_timeout(1200)  # let the smooth scroll finish
            page.screenshot(path=str(args.output))
            browser.close()
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
