"""End to end in a real headless Chromium (Debian's chromium + chromium-driver, driven by selenium; no browser
downloads): a partner pastes a plan and sees it escalated with citations; a contact reviews it.

Skipped when selenium or the browser is missing, unless TRIAGE_REQUIRE_BROWSER=1 (set it in CI once CI installs
them), which turns that into a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from triage_support import FakePipeline

from api.main import create_app
from triage.config import Settings
from triage.store.accounts import issue_key

CHROMIUM = os.environ.get("TRIAGE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("TRIAGE_CHROMEDRIVER", "/usr/bin/chromedriver")
PLAN = (
    "For the final cut of our documentary we will use ElevenLabs to clone the voice of the late narrator from "
    "archive interviews. His estate has not signed a consent yet; we start recording next week."
)

pytestmark = pytest.mark.browser


def _need_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not shutil.which(p)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip)")
    if missing:
        message = (
            f"browser test needs {', '.join(missing)}: apt-get install chromium chromium-driver; pip install selenium"
        )
        if os.environ.get("TRIAGE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """The real app (with the real pipeline when it is importable) served by uvicorn on a loopback port."""
    _need_browser()
    settings = Settings(data_dir=tmp_path / "data")
    try:
        from triage.pipeline import Pipeline

        pipeline = Pipeline(settings)
    except ImportError:
        pipeline = FakePipeline()
    app = create_app(settings, pipeline=pipeline, rerun_on_startup=False)
    store = app.state.triage.store()
    keys = {"partner": issue_key(store, "partner", "acme")[1], "contact": issue_key(store, "contact", "studio")[1]}
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", keys
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser(tmp_path):
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,1600", f"--user-data-dir={tmp_path / 'chrome-profile'}",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # the network is off: loopback only
    ):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _screenshot(driver, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("TRIAGE_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(folder / f"{name}.png"))


def _sign_in(driver, base: str, key: str) -> None:
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    driver.get(f"{base}/signin")
    driver.find_element(By.ID, "api_key").send_keys(key)
    driver.find_element(By.CSS_SELECTOR, "form[action='/signin'] button").click()
    _wait_for_url(driver, lambda url: not url.endswith("/signin"))


def _wait_for_url(driver, ready, timeout: float = 90) -> None:
    """Form posts run the pipeline synchronously (the first one also builds the index): wait for the new page."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(lambda d: ready(d.current_url))


def _post_and_wait(driver, button, timeout: float = 90) -> None:
    """Click a form's button and wait until the page it was on has gone (a form that redirects back to the same
    URL leaves the URL unchanged, so waiting for the URL alone could read the old page)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    button.click()

    def gone(_driver: object) -> bool:
        try:
            old.is_enabled()
        except WebDriverException:  # stale, or (mid-navigation) "node does not belong to the document"
            return True
        return False

    WebDriverWait(driver, timeout).until(gone)


def test_partner_escalates_and_contact_reviews(server, browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    base, keys = server

    # the partner pastes a plan
    _sign_in(browser, base, keys["partner"])
    assert browser.current_url.endswith("/submit"), browser.current_url
    browser.find_element(By.ID, "text").send_keys(PLAN)
    Select(browser.find_element(By.ID, "production_type")).select_by_value("documentary")
    browser.find_element(By.ID, "production_title").send_keys("The Last Narrator")
    browser.find_element(By.CSS_SELECTOR, "form[action='/submit'] button").click()
    _wait_for_url(browser, lambda url: "/cases/c_" in url)
    case_url = browser.current_url
    assert browser.find_element(By.ID, "route").text == "Escalate"
    assert "Written approval required" in browser.find_element(By.ID, "approval").text
    citations = browser.find_elements(By.CSS_SELECTOR, ".citation a")
    assert citations and all(
        a.get_attribute("href").startswith("https://partnerhelp.netflixstudios.com/") for a in citations
    )
    marks = browser.find_elements(By.CSS_SELECTOR, "#plan mark")
    assert marks and all(m.text.strip() and m.text in browser.find_element(By.ID, "plan").text for m in marks)
    _screenshot(browser, "partner-case", tmp_path)

    # the contact finds it in the queue and reviews it
    _sign_in(browser, base, keys["contact"])
    assert browser.current_url.endswith("/cases")
    case_id = case_url.rsplit("/", 1)[1]
    browser.find_element(By.LINK_TEXT, case_id).click()
    _wait_for_url(browser, lambda url: url == case_url)
    browser.find_element(By.ID, "decision-request_changes").click()
    browser.find_element(By.ID, "reason").send_keys("Send the estate's signed consent before recording.")
    browser.find_element(By.CSS_SELECTOR, "form[action$='/review'] button").click()
    WebDriverWait(browser, 90).until(lambda d: any("Studio review" in e.text for e in d.find_elements(By.ID, "review")))
    assert browser.current_url == case_url
    review = browser.find_element(By.ID, "review").text
    assert "Studio review: request changes" in review and "signed consent" in review
    _screenshot(browser, "contact-review", tmp_path)


EMAIL = """Hi Dana,

Here is how we plan to use AI on the series:
1. Midjourney for mood boards in the pitch deck.
2. ChatGPT to draft the shooting schedule.
3. Runway to generate the shop signs in the market scene.
4. Adobe Firefly to make the digital extras for the closing credits.
5. ElevenLabs to create a temp voice for the animatic.
6. Descript to clean up the interview audio.

The brief: https://drive.example.com/studio/series/season-one/plans/2026/a-very-long-folder-name-without-any-breaks/plan-v3-final-final-really-final.pdf

Thanks, Sam"""


def _findings_by_use(driver) -> dict[str, set[str]]:
    from selenium.webdriver.common.by import By

    out: dict[str, set[str]] = {}
    for li in driver.find_elements(By.CSS_SELECTOR, "li.finding"):
        out.setdefault(li.get_attribute("data-use"), set()).add(li.get_attribute("data-rule"))
    return out


def _size(driver) -> tuple[int, int]:
    return driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")


def test_answer_one_use_then_request_changes_revise_and_approve(server, browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    base, keys = server
    _sign_in(browser, base, keys["partner"])
    browser.find_element(By.ID, "text").send_keys(EMAIL)
    browser.find_element(By.CSS_SELECTOR, "form[action='/submit'] button").click()
    _wait_for_url(browser, lambda url: "/cases/c_" in url)
    case_url = browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "#uses tbody tr")
    assert len(rows) >= 6 and "shop signs" in browser.find_element(By.ID, "use-3").text
    width, height = _size(browser)
    assert width <= 1280, f"the page is {width} px wide: a long word or URL does not wrap"
    print(f"six-use email, partner's case page at 1280 px: {width} x {height} px")
    before = _findings_by_use(browser)
    _screenshot(browser, "six-uses-partner", tmp_path)

    # answer one question about use 3 (the shop signs): only use 3's findings change
    form = browser.find_element(By.CSS_SELECTOR, "#use-3 form.questions")
    form.find_element(By.TAG_NAME, "textarea").send_keys("No, the signs are temp only and never reach the final cut.")
    _post_and_wait(browser, form.find_element(By.TAG_NAME, "button"))
    _wait_for_url(browser, lambda url: url == case_url)
    browser.find_element(By.CSS_SELECTOR, "#use-3 .answered")
    after = _findings_by_use(browser)
    changed = {use for use in set(before) | set(after) if before.get(use) != after.get(use)}
    assert changed == {"3"}, (before, after)

    # the contact's review form comes before the findings, and asks for changes
    _sign_in(browser, base, keys["contact"])
    browser.get(case_url)
    form_top = browser.find_element(By.CSS_SELECTOR, "form.review-form").location["y"]
    assert form_top < browser.find_element(By.CSS_SELECTOR, "li.finding").location["y"]
    browser.find_element(By.ID, "decision-request_changes").click()
    browser.find_element(By.ID, "reason").send_keys("Keep generated signs and extras out of the final cut.")
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/review'] button"))
    _wait_for_url(browser, lambda url: url == case_url)
    assert "request changes" in browser.find_element(By.ID, "review").text

    # the partner replies with a revised plan
    _sign_in(browser, base, keys["partner"])
    browser.get(case_url)
    assert "asked for changes" in browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby='revise-h']").text
    revised = browser.find_element(By.ID, "revised-text")
    revised.clear()
    revised.send_keys(EMAIL.replace("for the closing credits.", "for the previs of the closing credits only."))
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/revise'] button"))
    _wait_for_url(browser, lambda url: url == case_url)
    assert "version 2" in browser.find_element(By.TAG_NAME, "h1").text

    # the contact sees what changed and that the earlier review is stale, then approves
    _sign_in(browser, base, keys["contact"])
    browser.get(case_url)
    diff = browser.find_element(By.ID, "plan-diff")
    assert "previs of the" in " ".join(e.text for e in diff.find_elements(By.TAG_NAME, "ins"))
    assert browser.find_element(By.ID, "decision-changes").text.startswith("Route:")
    assert "Stale — plan changed since review" in browser.find_element(By.ID, "review").text
    assert "request changes" in browser.find_element(By.ID, "review").text  # the earlier decision stays visible
    _screenshot(browser, "six-uses-contact-diff", tmp_path)
    browser.find_element(By.ID, "decision-approve").click()
    browser.find_element(By.ID, "reason").send_keys("Previs only is fine.")
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/review'] button"))
    _wait_for_url(browser, lambda url: url == case_url)
    review = browser.find_element(By.ID, "review").text
    assert "Studio review: approve" in review and "Stale" not in review


def test_the_api_docs_render_with_the_network_off(server, browser) -> None:
    """Swagger UI and ReDoc draw the API from the package's own assets: no CDN is reachable from this browser."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, _ = server
    browser.get(f"{base}/docs")
    title = WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".swagger-ui .info .title"))
    assert "GenAI use triage" in title[0].text
    assert WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock-tag"))
    browser.get(f"{base}/redoc")
    heading = WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".api-info h1"))
    assert "GenAI use triage" in heading[0].text


def test_contact_takes_comments_requests_changes_and_approves_with_conditions(server, browser, tmp_path) -> None:
    """The workflow's forms: the contact takes the case, leaves a shared comment and an internal note, asks for
    changes, and after the partner's revision approves with conditions; the partner sees the conditions and the
    shared comment, never the internal note."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    base, keys = server
    _sign_in(browser, base, keys["partner"])
    browser.find_element(By.ID, "text").send_keys(PLAN)
    browser.find_element(By.CSS_SELECTOR, "form[action='/submit'] button").click()
    _wait_for_url(browser, lambda url: "/cases/c_" in url)
    case_url = browser.current_url
    assert browser.find_element(By.ID, "stage").text == "new"

    _sign_in(browser, base, keys["contact"])
    browser.get(case_url)
    _post_and_wait(browser, browser.find_element(By.ID, "take"))
    assert browser.find_element(By.ID, "stage").text == "in review"
    assert browser.find_element(By.ID, "assignee").text == "studio contact"  # an unnamed key: its org and role
    for body, visibility in (("Is the estate's consent on file?", "shared"), ("Legal must see it.", "internal")):
        browser.find_element(By.ID, "comment-body").send_keys(body)
        Select(browser.find_element(By.ID, "comment-visibility")).select_by_value(visibility)
        _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.comment-form button"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#comments li.comment")) == 2
    browser.find_element(By.ID, "decision-request_changes").click()
    browser.find_element(By.ID, "reason").send_keys("Send the estate's signed consent.")
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/review'] button"))
    assert browser.find_element(By.ID, "stage").text == "awaiting partner"

    _sign_in(browser, base, keys["partner"])
    browser.get(case_url)
    revised = browser.find_element(By.ID, "revised-text")
    revised.clear()
    revised.send_keys(PLAN + " The estate signed a consent for this use today.")
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/revise'] button"))
    assert browser.find_element(By.ID, "stage").text == "in review"

    _sign_in(browser, base, keys["contact"])
    browser.get(case_url)
    browser.find_element(By.ID, "decision-approve_with_conditions").click()
    browser.find_element(By.ID, "reason").send_keys("Consent received.")
    browser.find_element(By.ID, "review-conditions").send_keys("Credit the narrator's estate in the end titles.")
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/review'] button"))
    assert browser.find_element(By.ID, "stage").text == "approved with conditions"
    _screenshot(browser, "contact-approved-with-conditions", tmp_path)

    _sign_in(browser, base, keys["partner"])
    browser.get(case_url)
    assert "Credit the narrator's estate" in browser.find_element(By.ID, "conditions").text
    thread = browser.find_element(By.ID, "comments").text
    assert "Is the estate's consent on file?" in thread and "Legal must see it." not in thread
    assert "Legal must see it." not in browser.page_source
    _screenshot(browser, "partner-conditions", tmp_path)


LONG_TITLE = "The Extraordinarily Long-Running International Co-Production Documentary Series " * 2


def test_the_queue_fits_a_phone_without_sideways_scrolling(server, browser, tmp_path) -> None:
    """At 375 px, with long titles and unbroken words in the queue, the page scrolls only downwards."""
    from selenium.webdriver.common.by import By

    base, keys = server
    store_key = keys["partner"]
    _sign_in(browser, base, store_key)
    for title in (LONG_TITLE, "Supercalifragilisticexpialidocious" * 3):
        browser.get(f"{base}/submit")
        browser.find_element(By.ID, "text").send_keys(PLAN)
        browser.find_element(By.ID, "production_title").send_keys(title[:300])
        browser.find_element(By.CSS_SELECTOR, "form[action='/submit'] button").click()
        _wait_for_url(browser, lambda url: "/cases/c_" in url)
    _sign_in(browser, base, keys["contact"])
    browser.set_window_size(375, 900)
    browser.get(f"{base}/cases")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#cases tbody tr")) == 2
    assert browser.find_elements(By.CSS_SELECTOR, ".flag.approval")
    fits = browser.execute_script("return [document.scrollingElement.scrollWidth, window.innerWidth]")
    _screenshot(browser, "queue-375", tmp_path)
    assert fits[0] <= fits[1], f"the queue is {fits[0]} px wide in a {fits[1]} px window"
    brand = browser.find_element(By.CSS_SELECTOR, "header.site .brand")
    assert brand.size["height"] < 40, "the brand wraps onto several lines"


NOTIFY_PLAN = (
    "We'll use Midjourney under our enterprise agreement for early mood boards of the harbour set, generic "
    "prompts only; nothing generated goes in the final cut."
)
OVERDUE_PLAN = "We're thinking of using an AI tool to generate the background crowd in the market scene."
SIMILAR_PLAN = (
    "For the final cut of our series we will use ElevenLabs to clone the voice of the late host from old "
    "interviews. His family has not signed a consent yet."
)


def _cookie_get(driver, url: str) -> tuple[str, str]:
    """GET with the browser's session cookie (a download the headless browser would save, not show)."""
    import urllib.request

    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookie}), timeout=30) as response:
        return response.headers["content-type"], response.read().decode("utf-8")


def test_a_contact_runs_their_day(server, browser, tmp_path, monkeypatch) -> None:
    """The queue puts the overdue case first, then the one needing approval, then the rest; the contact takes the
    approval case, comments, asks for changes, the partner replies, the contact approves with conditions and
    exports the approval record and the queue as CSV; a later, similar case shows the decided one as a precedent."""
    import datetime as dt

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    import triage.store.cases as stored_cases

    base, keys = server
    # an escalation submitted eight days ago is past its five business days now (the store's clock, set back)
    eight_days_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=8)
    monkeypatch.setattr(stored_cases, "utcnow", lambda: eight_days_ago)
    _sign_in(browser, base, keys["partner"])
    for text, title in ((OVERDUE_PLAN, "Market day"),):
        browser.get(f"{base}/submit")
        browser.find_element(By.ID, "text").send_keys(text)
        browser.find_element(By.ID, "production_title").send_keys(title)
        browser.find_element(By.CSS_SELECTOR, "form[action='/submit'] button").click()
        _wait_for_url(browser, lambda url: "/cases/c_" in url)
    monkeypatch.undo()
    urls = {}
    for text, title in ((NOTIFY_PLAN, "Harbour boards"), (PLAN, "Narrator")):
        browser.get(f"{base}/submit")
        browser.find_element(By.ID, "text").send_keys(text)
        browser.find_element(By.ID, "production_title").send_keys(title)
        browser.find_element(By.CSS_SELECTOR, "form[action='/submit'] button").click()
        _wait_for_url(browser, lambda url: "/cases/c_" in url)
        urls[title] = browser.current_url

    _sign_in(browser, base, keys["contact"])
    browser.get(f"{base}/cases")
    rows = browser.find_elements(By.CSS_SELECTOR, "#cases tbody tr")
    titles = [row.find_element(By.CSS_SELECTOR, ".title").text for row in rows]
    assert titles == ["Market day", "Narrator", "Harbour boards"], titles
    assert "overdue" in rows[0].text.lower() and "approval required" in rows[1].text.lower()
    _screenshot(browser, "day-queue", tmp_path)

    case_url = urls["Narrator"]
    browser.get(case_url)
    _post_and_wait(browser, browser.find_element(By.ID, "take"))
    browser.find_element(By.ID, "comment-body").send_keys("Is the estate's consent on file?")
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.comment-form button"))
    browser.find_element(By.ID, "decision-request_changes").click()
    browser.find_element(By.ID, "reason").send_keys("Send the estate's signed consent.")
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/review'] button"))
    assert browser.find_element(By.ID, "stage").text == "awaiting partner"

    _sign_in(browser, base, keys["partner"])
    browser.get(case_url)
    browser.find_element(By.ID, "comment-body").send_keys("Signed today, attached to the revision.")
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.comment-form button"))
    revised = browser.find_element(By.ID, "revised-text")
    revised.clear()
    revised.send_keys(PLAN + " The estate signed a consent for this use today.")
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/revise'] button"))

    _sign_in(browser, base, keys["contact"])
    browser.get(case_url)
    assert browser.find_element(By.ID, "stage").text == "in review"
    browser.find_element(By.ID, "decision-approve_with_conditions").click()
    browser.find_element(By.ID, "reason").send_keys("Consent received.")
    browser.find_element(By.ID, "review-conditions").send_keys("Credit the narrator's estate in the end titles.")
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/review'] button"))
    assert browser.find_element(By.ID, "stage").text == "approved with conditions"

    browser.find_element(By.ID, "record-link").click()
    _wait_for_url(browser, lambda url: url.endswith("/record"))
    record = browser.find_element(By.TAG_NAME, "main").text
    for text in ("Credit the narrator's estate", "Consent received.", "awaiting partner", "Signed today",
                 "The estate signed a consent"):  # fmt: skip
        assert text in record, text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#record-stages tbody tr")) == 4
    _screenshot(browser, "day-record", tmp_path)

    browser.get(f"{base}/cases")
    content_type, csv_text = _cookie_get(browser, browser.find_element(By.ID, "csv").get_attribute("href"))
    assert content_type.startswith("text/csv")
    lines = csv_text.strip().splitlines()
    assert len(lines) == 4 and "approved_with_conditions" in csv_text and "Market day" in lines[1]

    _sign_in(browser, base, keys["partner"])
    browser.get(f"{base}/submit")
    browser.find_element(By.ID, "text").send_keys(SIMILAR_PLAN)
    browser.find_element(By.CSS_SELECTOR, "form[action='/submit'] button").click()
    _wait_for_url(browser, lambda url: "/cases/c_" in url)
    similar_url = browser.current_url
    _sign_in(browser, base, keys["contact"])
    narrator_id = case_url.rsplit("/", 1)[1]

    def shows_the_decided_case(driver) -> bool:  # the precedent sweep indexes decided cases within seconds
        driver.get(similar_url)
        found = driver.find_elements(By.CSS_SELECTOR, f"li.precedent[data-case='{narrator_id}']")
        return bool(found) and "approve with conditions" in found[0].text.replace("_", " ")

    WebDriverWait(browser, 60, poll_frequency=2).until(shows_the_decided_case)
    _screenshot(browser, "day-precedents", tmp_path)
