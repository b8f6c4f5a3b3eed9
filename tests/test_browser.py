"""The HTML report in a real browser: headless Chromium (Debian's package) via Playwright.

Each seed's report loads with no console errors, the filters change what is
shown, it fits a phone-width screen, and a screenshot is written to
out/screenshots/. Without Chromium or Playwright the tests are skipped locally
and fail under CI (CI=true), where .ci/run installs both.
"""
import os
import shutil

import pytest
from conftest import ROOT, SEEDS

from qa.cli import main

CHROMIUM = os.environ.get("QA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install playwright)"
    if not CHROMIUM:
        return "Chromium is not installed (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser():
    why = _missing()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run in CI: {why}")
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def _open(browser, path, width=1200):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith(("file:", "data:", "about:")) else None)
    page.goto(path.as_uri())
    return page, problems


def _visible(page):
    return page.locator("#finding-list > li.finding:not([hidden])").count()


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_report_loads_filters_and_prints_a_screenshot(browser, seed, tmp_path):
    out = tmp_path / "report.html"
    main(["check", str(seed), "--html", str(out), "-q"])
    page, problems = _open(browser, out)
    shots = ROOT / "out" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / f"{seed.stem}.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    total = page.locator("#finding-list > li.finding").count()
    assert total > 0 and _visible(page) == total
    assert page.locator("#shown").inner_text() == f"{total} of {total} findings shown"

    # Unticking a severity hides exactly its findings.
    warnings = page.locator('#finding-list > li.finding[data-severity="warning"]').count()
    page.locator('#filters input[name=severity][value=warning]').uncheck()
    assert _visible(page) == total - warnings
    page.locator('#filters input[name=severity][value=warning]').check()
    assert _visible(page) == total

    # A rule in the summary table shows that rule only.
    rule = page.locator("[data-only-rule]").first
    name = rule.get_attribute("data-only-rule")
    rule.click()
    only = page.locator(f'#finding-list > li.finding[data-rule="{name}"]').count()
    assert _visible(page) == only > 0

    # A finding links to its paragraph, and the paragraph's badge links back.
    first = page.locator("#finding-list > li.finding:not([hidden])").first
    fid = first.get_attribute("id")
    target = first.locator("a.para-link").first.get_attribute("href")
    assert page.locator(f"{target} a.badge[href='#{fid}']").count() == 1

    assert problems == []
    page.close()


def test_report_fits_a_phone_screen(browser, tmp_path):
    out = tmp_path / "report.html"
    main(["check", str(SEEDS[0]), "--html", str(out), "-q"])
    page, problems = _open(browser, out, width=390)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    (ROOT / "out" / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ROOT / "out" / "screenshots" / "phone.png"))
    assert problems == []
    page.close()


def test_hostile_text_does_not_run_in_the_browser(browser, write, tmp_path):
    zh = write("zh.txt", "全省新增发明专利4.32万件<script>document.title='pwned'</script>。\n")
    en = write("en.txt", 'The province added 43,500 patents <img src=x onerror="document.title=\'pwned\'">.\n')
    out = tmp_path / "r.html"
    main(["check", zh, en, "--html", str(out), "-q"])
    page, problems = _open(browser, out)
    assert page.title() != "pwned"
    assert "<script>" in page.locator("#zh-1").text_content()  # in the full text, collapsed
    assert "<script>" in page.locator("#finding-list .pair").first.inner_text()  # and shown in the triage view
    page.close()


def test_triage_keys_accept_with_a_reason_and_download_a_baseline_that_qa_reads(browser, tmp_path, capsys):
    import json

    out = tmp_path / "report.html"
    main(["check", str(SEEDS[2]), "--html", str(out), "-q"])
    page, problems = _open(browser, out)
    items = page.locator("#finding-list > li.finding")
    severities = [items.nth(k).get_attribute("data-severity") for k in range(items.count())]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)  # error first
    assert not page.locator("#full-text").evaluate("d => d.open")  # the full text is one click away
    page.keyboard.press("j")
    first = items.first.get_attribute("id")
    assert page.evaluate("document.activeElement.id") == first
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == items.nth(1).get_attribute("id")
    page.keyboard.press("k")
    page.once("dialog", lambda d: d.accept("checked with the author"))
    page.keyboard.press("a")
    assert page.locator("#accepted-count").inner_text() == "1"
    with page.expect_download() as got:
        page.locator("#download-baseline").click()
    path = tmp_path / "qa-baseline.json"
    got.value.save_as(str(path))
    baseline = json.loads(path.read_text(encoding="utf-8"))
    assert [e["reason"] for e in baseline["entries"]] == ["checked with the author"]
    assert baseline["entries"][0]["fingerprint"] == first[2:]
    # the downloaded file is a baseline qa accepts: that finding is now a waiver
    capsys.readouterr()
    main(["check", str(SEEDS[2]), "--baseline", str(path), "--json", "-", "-q"])
    report = json.loads(capsys.readouterr().out)
    waived = [f for f in report["findings"] if f.get("suppressed", {}).get("kind") == "waiver"]
    assert [f["fingerprint"] for f in waived] == [first[2:]]
    # a link into the full text opens it
    page.locator("a.para-link").first.click()
    assert page.locator("#full-text").evaluate("d => d.open")
    assert problems == []
    page.close()

