"""A merchant's page on one localhost origin pays charges on the emulator, another origin, sending
the requests A55's browser SDK (`payV2`) sends (tests/browser/merchant/pay.js): the 3DS set-up and
its device-data collection, then the nested pay body; a 3DS charge through the challenge page.
Each cross-origin POST is checked to have been preflighted, and every answer to carry its CORS
headers."""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Page

from conftest import Emulator, Merchant, Network

# What payV2 sends, by object (from reading the SDK; `card_token` and `card_cryptogram` are left out
# of the JSON when the merchant gives none, as JSON.stringify drops undefined values).
PAY_KEYS = {"device_info", "payer_name", "payer_email", "payer_tax_id", "cell_phone", "card", "address",
            "shipping_address"}
CARD_KEYS = {"holder_name", "number", "expiry_month", "expiry_year", "ccv"}
DEVICE_KEYS = {"device_id", "ip_address", "session_id", "user_agent", "http_accept_content",
               "http_browser_language", "http_browser_java_enabled", "http_browser_javascript_enabled",
               "http_browser_color_depth", "http_browser_screen_height", "http_browser_screen_width",
               "http_browser_time_difference", "http_accept_browser_value"}
ADDRESS_KEYS = {"postal_code", "street", "address_number", "complement", "neighborhood", "city", "state",
                "country"}


def user_data(number: str) -> dict[str, Any]:
    return {"payer_name": "Zhang Wei", "payer_email": "zhangwei@example.com", "payer_tax_id": "12345678909",
            "cell_phone": "+55 (11) 99999-9999", "holder_name": "ZHANG WEI", "number": number,
            "expiry_month": "12", "expiry_year": "2030", "ccv": "123", "postal_code": "01310-100",
            "street": "Av. Paulista", "address_number": "1000", "neighborhood": "Bela Vista",
            "city": "São Paulo", "state": "SP", "country": "br"}


def open_merchant_page(page: Page, merchant: Merchant) -> str:
    page.goto(f"{merchant.url}/pay.html")
    return merchant.url


def pay(page: Page, emulator: Emulator, charge_uuid: str, number: str) -> dict[str, Any]:
    return page.evaluate("args => window.merchant.payV2(args)",
                         {"api": emulator.browser_url, "charge_uuid": charge_uuid, "userData": user_data(number)})


def check_cors(network: Network, url_part: str, origin: str, preflighted: bool) -> None:
    """Every exchange with `url_part` came from `origin` and was answered with its CORS headers;
    a JSON POST was preflighted first."""
    exchanges = network.to(url_part)
    assert exchanges, f"no request to {url_part}"
    actual = [x for x in exchanges if not x.is_preflight()]
    preflights = [x for x in exchanges if x.is_preflight()]
    assert actual, exchanges
    for x in actual:
        assert x.request_headers.get("origin") == origin, (x, x.request_headers)
        assert x.response_headers.get("access-control-allow-origin") == "*", (x, x.response_headers)
        assert "x-request-id" in x.response_headers.get("access-control-expose-headers", "").lower()
    if preflighted:
        assert preflights, f"no preflight before {actual}"
        for p in preflights:
            assert p.status == 204, p
            assert p.response_headers.get("access-control-allow-origin") == "*"
            assert "POST" in p.response_headers.get("access-control-allow-methods", "")
            assert "content-type" in p.response_headers.get("access-control-allow-headers", "").lower()
            assert p.request_headers.get("access-control-request-method") == "POST"
            assert "content-type" in p.request_headers.get("access-control-request-headers", "").lower()


def check_sdk_requests(network: Network, emulator: Emulator, charge_uuid: str, reference_id: str) -> None:
    """The set-up and pay bodies are the SDK's."""
    [setup] = [x for x in network.to("/setup-authentication") if not x.is_preflight()]
    assert setup.request_headers.get("content-type") == "application/json"
    assert json.loads(setup.post_data or "") == {
        "transaction_reference": charge_uuid, "card_brand": "Visa", "card_expiry_month": "12",
        "card_expiry_year": "2030", "card_number": json.loads(setup.post_data or "")["card_number"]}
    [paid] = [x for x in network.to(f"/charge/{charge_uuid}/pay") if not x.is_preflight()]
    assert paid.request_headers.get("content-type") == "application/json"
    body = json.loads(paid.post_data or "")
    assert set(body) == PAY_KEYS, body.keys()
    assert set(body["card"]) == CARD_KEYS
    assert set(body["device_info"]) == DEVICE_KEYS
    assert set(body["address"]) == ADDRESS_KEYS and set(body["shipping_address"]) == ADDRESS_KEYS
    assert body["device_info"]["session_id"] == reference_id, "the set-up's reference id"
    assert body["cell_phone"] == "5511999999999" and body["address"]["postal_code"] == "01310100"
    assert body["address"]["country"] == "BR"


def test_an_approving_card_pays_through_the_sdks_requests(page: Page, network: Network, emulator: Emulator,
                                                          merchant: Merchant) -> None:
    origin = open_merchant_page(page, merchant)
    charge_uuid = emulator.issued_charge()
    record = pay(page, emulator, charge_uuid, "4024 0071 5376 3130")
    assert record["setup"]["status"] == 200, record
    setup = record["setup"]["body"]
    assert set(setup) == {"access_token", "reference_id", "device_data_collection_url"}
    assert setup["device_data_collection_url"] == f"{emulator.url}/device-data-collection"
    collected = record["deviceData"]
    assert collected["data"]["MessageType"] == "profile.completed"
    assert collected["data"]["SessionId"] == setup["reference_id"]
    assert collected["origin"] == emulator.url, "posted by the emulator's collection page"
    assert record["pay"] == {"status": 200, "body": {"charge_uuid": charge_uuid, "status": "confirmed",
                                                     "message": None}}
    check_cors(network, "/setup-authentication", origin, preflighted=True)
    check_cors(network, f"/charge/{charge_uuid}/pay", origin, preflighted=True)
    check_sdk_requests(network, emulator, charge_uuid, setup["reference_id"])
    status, charge = emulator.call("GET", f"/api/v1/bank/wallet/charge/{charge_uuid}/")
    assert (status, charge["status"]) == (200, "confirmed")


def test_a_declining_card_answers_status_error_with_the_decline(page: Page, network: Network,
                                                                 emulator: Emulator, merchant: Merchant) -> None:
    origin = open_merchant_page(page, merchant)
    charge_uuid = emulator.issued_charge()
    record = pay(page, emulator, charge_uuid, "4024007153763122")
    assert record["pay"]["status"] == 200
    body = record["pay"]["body"]
    assert body["status"] == "error"
    [decline] = body["message"]
    assert decline["code"] == "CARD_DECLINED" and "return code 05" in decline["description"]
    check_cors(network, f"/charge/{charge_uuid}/pay", origin, preflighted=True)


def test_a_3ds_card_goes_through_the_challenge_page(page: Page, network: Network, emulator: Emulator,
                                                    merchant: Merchant) -> None:
    origin = open_merchant_page(page, merchant)
    charge_uuid = emulator.issued_charge(threeds_authentication=True)
    page.evaluate("args => { window.run = window.merchant.payV2(args); }",
                  {"api": emulator.browser_url, "charge_uuid": charge_uuid,
                   "userData": user_data("4024007153763130")})
    challenge = page.frame_locator("#threeds-iframe")
    challenge.get_by_role("heading", name="Confirm this payment").wait_for()
    challenge.get_by_role("button", name="Confirm payment").click()
    record = page.evaluate("() => window.run")
    assert record["pay"]["body"]["status"] == "pending"
    assert record["pay"]["body"]["url_3ds"] == f"{emulator.url}/3ds/{charge_uuid}"
    done = record["challenge"]
    assert done["data"] == {"event": "3ds-auth-complete", "chargeUuid": charge_uuid}
    assert done["origin"] == emulator.url, "posted by the emulator's challenge page"
    after = record["after"]
    assert after["status"] == 200 and after["body"][0]["status"] == "confirmed"
    check_cors(network, f"/charge/{charge_uuid}/pay", origin, preflighted=True)
    check_cors(network, f"/public/charge?charge_uuid={charge_uuid}", origin, preflighted=False)


def test_a_second_payment_is_a_409_whose_message_the_page_reads(page: Page, network: Network,
                                                                emulator: Emulator, merchant: Merchant) -> None:
    origin = open_merchant_page(page, merchant)
    charge_uuid = emulator.issued_charge()
    first = pay(page, emulator, charge_uuid, "4024007153763130")
    assert first["pay"]["body"]["status"] == "confirmed"
    second = pay(page, emulator, charge_uuid, "4024007153763130")
    assert second["pay"]["status"] == 409
    [reason] = second["error"]
    assert reason["code"] == "CHARGE_NOT_PAYABLE" and "already confirmed" in reason["description"]
    exchanges = [x for x in network.to(f"/charge/{charge_uuid}/pay") if not x.is_preflight()]
    assert [x.status for x in exchanges] == [200, 409]
    check_cors(network, f"/charge/{charge_uuid}/pay", origin, preflighted=True)
