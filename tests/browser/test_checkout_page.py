"""The hosted checkout page as a payer uses it, in Chromium: what is paid and to whom, a test card
typed with the keyboard alone, the return to `redirect_url` with its query parameters and the signed
webhook; the 3DS challenge; a declined card shown on the page and another card accepted; a form
with mistakes; cancelling back to `cancel_url`. The test keeps a screenshot of the page in
docs/checkout-page.png (docs/emulator.md shows it)."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from conftest import MERCHANT, WALLET, WEBHOOK_SECRET, Emulator, Merchant

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "checkout-page.png"
LABELS = ["Card number", "Name on card", "Expiry month", "Expiry year", "Security code (CVV)", "Installments"]


def session(emulator: Emulator, merchant: Merchant, **extra: Any) -> dict[str, Any]:
    return emulator.post("/api/v1/bank/wallet/checkout/", {
        "wallet_uuid": WALLET, "merchant_id": MERCHANT, "amount": 250.00, "currency": "BRL",
        "description": "Premium plan, 12 months", "redirect_url": f"{merchant.url}/done",
        "cancel_url": f"{merchant.url}/cart", "due_date": "2026-12-31", "max_installments": 6,
        "webhook_url": merchant.hook_url, "reference_external_id": "ORDER-2048", **extra})


def fill(page: Page, number: str) -> None:
    page.get_by_label("Card number").fill(number)
    page.get_by_label("Name on card").fill("Zhang Wei")
    page.get_by_label("Expiry month").fill("12")
    page.get_by_label("Expiry year").fill("2030")
    page.get_by_label("Security code (CVV)").fill("123")


def returned(page: Page, merchant: Merchant, path: str) -> dict[str, str]:
    page.wait_for_url(f"{merchant.url}{path}*")
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def focused(page: Page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def test_a_payer_pays_with_the_keyboard_alone_and_returns_to_the_merchant(page: Page, emulator: Emulator,
                                                                         merchant: Merchant) -> None:
    co = session(emulator, merchant)
    page.goto(co["checkout_url"])
    expect(page).to_have_title("Pay Loja Exemplo — BRL 250.00")
    expect(page.locator(".merchant")).to_have_text("Loja Exemplo")
    expect(page.locator(".amount")).to_have_text("BRL 250.00")
    expect(page.get_by_text("Premium plan, 12 months")).to_be_visible()
    expect(page.get_by_text("Up to 6 installments")).to_be_visible()
    options = page.get_by_label("Installments").locator("option")
    expect(options).to_have_count(6)
    expect(options.nth(2)).to_have_text("3× BRL 83.34")
    for label in LABELS:
        expect(page.get_by_label(label)).to_be_visible()

    # Keyboard only: Tab from the top of the page reaches every field in order, then the button.
    page.keyboard.press("Tab")
    order = []
    for _ in range(12):
        order.append(focused(page))
        if order[-1] == "card_number":
            break
        page.keyboard.press("Tab")
    assert order[-1] == "card_number", order
    for field, text in [("card_number", "4024 0071 5376 3130"), ("card_name", "Zhang Wei"),
                        ("card_expiry_month", "12"), ("card_expiry_year", "2030"), ("card_cvv", "123")]:
        assert focused(page) == field
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    assert focused(page) == "installments"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Installments")).to_have_value("3")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Pay BRL 250.00"
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    page.keyboard.press("Enter")

    query = returned(page, merchant, "/done")
    assert query["checkout_uuid"] == co["checkout_uuid"]
    assert query["status"] == "confirmed"
    charge_uuid = query["charge_uuid"]
    _, charge = emulator.call("GET", f"/api/v1/bank/wallet/charge/{charge_uuid}/")
    assert [i["local_currency"] for i in charge["installments"]] == [83.34, 83.33, 83.33]
    headers, body = merchant.webhook(charge_uuid, "confirmed")
    expected = hmac.new(WEBHOOK_SECRET.encode(), f"{headers['x-webhook-timestamp']}.".encode() + body,
                        hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["x-webhook-signature"], expected)
    assert json.loads(body)["transaction_reference"] == "ORDER-2048"


def test_a_declined_card_is_shown_on_the_page_and_another_card_pays(page: Page, emulator: Emulator,
                                                                     merchant: Merchant) -> None:
    co = session(emulator, merchant)
    page.goto(co["checkout_url"])
    fill(page, "4024007153763122")
    page.get_by_role("button", name="Pay BRL 250.00").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Your card was declined")
    expect(alert).to_contain_text("Not authorized (return code 05)")
    assert urlsplit(page.url).path == f"/checkout/{co['checkout_uuid']}", "no redirect on a decline"
    assert focused(page) == "decline", "the decline is read first"
    expect(page.get_by_label("Card number")).to_have_value("")
    fill(page, "4024007153763130")
    page.get_by_role("button", name="Pay BRL 250.00").click()
    query = returned(page, merchant, "/done")
    assert query["status"] == "confirmed" and query["checkout_uuid"] == co["checkout_uuid"]


def test_mistakes_come_back_next_to_their_fields(page: Page, emulator: Emulator, merchant: Merchant) -> None:
    co = session(emulator, merchant)
    page.goto(co["checkout_url"])
    fill(page, "4024")
    page.get_by_label("Security code (CVV)").fill("12")
    page.get_by_role("button", name="Pay BRL 250.00").click()
    expect(page.get_by_role("alert")).to_contain_text("Please check the card details")
    assert focused(page) == "form-errors"
    number = page.get_by_label("Card number")
    expect(number).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#card_number-error")).to_contain_text("Card number must be 12 to 19 digits")
    expect(page.locator("#card_cvv-error")).to_contain_text("Security code (CVV) must be 3 digits")
    expect(page.get_by_label("Name on card")).to_have_value("Zhang Wei")
    page.get_by_role("link", name="Card number must be 12 to 19 digits").click()
    assert focused(page) == "card_number"


def test_a_3ds_session_goes_through_the_challenge_page(page: Page, emulator: Emulator, merchant: Merchant) -> None:
    co = session(emulator, merchant, threeds_authentication=True)
    page.goto(co["checkout_url"])
    fill(page, "4024007153763130")
    page.get_by_label("Card number").press("Enter")
    expect(page.get_by_role("heading", name="Confirm this payment")).to_be_visible()
    expect(page.locator(".amount")).to_have_text("BRL 250.00")
    assert page.evaluate("() => document.activeElement.textContent") == "Confirm payment"
    page.keyboard.press("Enter")
    query = returned(page, merchant, "/done")
    assert query["status"] == "confirmed" and query["checkout_uuid"] == co["checkout_uuid"]


def test_cancelling_returns_to_cancel_url(page: Page, emulator: Emulator, merchant: Merchant) -> None:
    co = session(emulator, merchant)
    page.goto(co["checkout_url"])
    cancel = page.get_by_role("link", name="Cancel and return to Loja Exemplo")
    cancel.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{merchant.url}/cart")
