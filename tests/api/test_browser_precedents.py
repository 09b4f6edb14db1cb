"""In a real headless Chromium (the helpers of test_browser.py): a contact opening a new case sees the earlier,
reviewed case like it in the precedents panel, with its decision and the reviewer's reason, and follows its link."""

from __future__ import annotations

import pytest
from test_browser import PLAN, _post_and_wait, _screenshot, _sign_in, _wait_for_url, browser, server

pytestmark = pytest.mark.browser

__all__ = ["browser", "server"]  # the fixtures, used by name

SIMILAR = (
    "For the final cut of our documentary we want ElevenLabs to recreate the late narrator's voice from his archive "
    "interviews; we are still waiting for his estate's consent."
)


def _submit(driver, base: str, text: str) -> str:
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/submit")
    driver.find_element(By.ID, "text").send_keys(text)
    driver.find_element(By.CSS_SELECTOR, "form[action='/submit'] button").click()
    _wait_for_url(driver, lambda url: "/cases/c_" in url)
    return driver.current_url


def test_the_precedents_panel_shows_the_earlier_reviewed_case(server, browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, keys = server
    _sign_in(browser, base, keys["partner"])
    earlier_url = _submit(browser, base, PLAN)
    earlier = earlier_url.rsplit("/", 1)[1]

    _sign_in(browser, base, keys["contact"])
    browser.get(earlier_url)
    browser.find_element(By.ID, "decision-reject").click()
    browser.find_element(By.ID, "reason").send_keys("No cloning of the narrator without the estate's consent.")
    _post_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/review'] button"))

    _sign_in(browser, base, keys["partner"])
    case_url = _submit(browser, base, SIMILAR)

    _sign_in(browser, base, keys["contact"])

    def panel_lists_the_earlier_case(driver) -> bool:  # the server's sweep indexes it within a second or two
        driver.get(case_url)
        return bool(driver.find_elements(By.CSS_SELECTOR, f"li.precedent[data-case='{earlier}']"))

    WebDriverWait(browser, 60, poll_frequency=1).until(panel_lists_the_earlier_case)
    item = browser.find_element(By.CSS_SELECTOR, f"li.precedent[data-case='{earlier}']")
    assert item.get_attribute("data-basis") == "reviewed"
    text = item.text
    assert "Escalate" in text and "Reviewed: reject" in text
    assert "Reason: No cloning of the narrator without the estate's consent." in text
    assert case_url.rsplit("/", 1)[1] not in {
        li.get_attribute("data-case") for li in browser.find_elements(By.CSS_SELECTOR, "li.precedent")
    }
    _screenshot(browser, "precedents-panel", tmp_path)
    item.find_element(By.TAG_NAME, "a").click()
    _wait_for_url(browser, lambda url: url == earlier_url)
    assert "Studio review: reject" in browser.find_element(By.ID, "review").text
