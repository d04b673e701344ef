"""validate_charge.json, first half: `charge()`, its base cases and rules 1-4 of docs/validation.md.

The cases for seeds 001 and 003 (docs/validation.md, "The seeds") and their mutations: the clean bases,
then presence (rule 1), JSON types including nested objects and items (rule 2), unknown keys (rule 3)
and formats (rule 4). Rules 5-8 and the combinations are in validate_cases_charge_rules.py, which
`charge()` calls last so the file keeps one fixed case order. Every expected issue is written by hand;
validate_collect.File checks it against the model of validate_rules.py.
"""

from __future__ import annotations

from validate_cases_charge_rules import charge_rule_cases
from validate_collect import E, File, W
from validate_payloads import (
    CARD, CHARGE_ADDRESS_REQUIRED, CHARGE_REQUIRED, DEL, DEVICE, ONE, PLAIN, SEED_CARD_CHARGE, SUB, SUBPLAIN,
    THREEDS, mut,
)
from validate_reference import CYCLES, SALES_CHANNELS, TYPE_CHARGES

# ---------------------------------------------------------------------------------------------------
# validate_charge.json
# ---------------------------------------------------------------------------------------------------


def charge() -> File:
    f = File("validate_charge", "validate(\"charge\", …): seeds 001 and 003 and mutations (today 2026-11-21 "
             "unless given)")
    k = "charge"

    # --- bases ---
    f.case("base: seed 001 with a Luhn-valid card", k, CARD, [])
    f.case("base: seed 001 without card fields (SDK / checkout flow)", k, PLAIN, [])
    f.case("base: one installment, no card fields", k, ONE, [])
    f.case("base: seed 003 without card fields", k, SUBPLAIN, [])
    f.case("base: 3DS card charge with full device_info", k, THREEDS, [])

    # --- 1. presence ---
    f.case("empty object", k, {}, [E("REQUIRED_FIELD", n) for n in CHARGE_REQUIRED])
    for name in CHARGE_REQUIRED:
        f.case(f"{name} missing", k, mut(PLAIN, {name: DEL}), [E("REQUIRED_FIELD", name)])
    f.case("payer_name null", k, mut(PLAIN, {"payer_name": None}), [E("REQUIRED_FIELD", "payer_name")])
    f.case("installment_value null", k, mut(PLAIN, {"installment_value": None}), [E("REQUIRED_FIELD", "installment_value")])
    f.case("payer_address null", k, mut(PLAIN, {"payer_address": None}), [E("REQUIRED_FIELD", "payer_address")])
    f.case("payer_email empty", k, mut(PLAIN, {"payer_email": ""}), [E("REQUIRED_FIELD", "payer_email")])
    f.case("description empty", k, mut(PLAIN, {"description": ""}), [E("REQUIRED_FIELD", "description")])
    f.case("type_charge empty (not INVALID_TYPE_CHARGE)", k, mut(PLAIN, {"type_charge": ""}),
           [E("REQUIRED_FIELD", "type_charge")])
    f.case("currency empty", k, mut(PLAIN, {"currency": ""}), [E("REQUIRED_FIELD", "currency")])
    f.case("due_date empty", k, mut(PLAIN, {"due_date": ""}), [E("REQUIRED_FIELD", "due_date")])
    f.case("installment_value empty string", k, mut(PLAIN, {"installment_value": ""}),
           [E("REQUIRED_FIELD", "installment_value")])
    f.case("installment_value only spaces", k, mut(PLAIN, {"installment_value": "   "}),
           [E("REQUIRED_FIELD", "installment_value")])
    f.case("payer_name only spaces", k, mut(PLAIN, {"payer_name": "   "}), [E("REQUIRED_FIELD", "payer_name")])
    f.case("payer_tax_id only spaces (no tax-id check)", k, mut(PLAIN, {"payer_tax_id": "   "}),
           [E("REQUIRED_FIELD", "payer_tax_id")])
    f.case("every optional field null", k,
           mut(PLAIN, {"webhook_url": None, "redirect_url": None, "reference_external_id": None, "is_async": None,
                       "shipping_address": None, "card_number": None, "card_name": None, "card_expiry_month": None,
                       "card_expiry_year": None, "card_cvv": None, "capture": None, "threeds_authentication": None,
                       "device_info": None, "antifraud_info": None, "subscription": None, "items": None,
                       "applepay": None, "googlepay": None}), [])
    f.case("capture null with card fields", k, mut(CARD, {"capture": None}), [])
    for name in CHARGE_ADDRESS_REQUIRED:
        f.case(f"payer_address.{name} missing", k, mut(PLAIN, {f"payer_address.{name}": DEL}),
               [E("REQUIRED_FIELD", f"payer_address.{name}")])
    f.case("payer_address.complement empty is accepted", k, mut(PLAIN, {"payer_address.complement": ""}), [])
    f.case("payer_address.complement null is missing", k, mut(PLAIN, {"payer_address.complement": None}),
           [E("REQUIRED_FIELD", "payer_address.complement")])
    f.case("payer_address.street only spaces", k, mut(PLAIN, {"payer_address.street": "   "}),
           [E("REQUIRED_FIELD", "payer_address.street")])
    f.case("payer_address.country omitted (currency's country BR applies)", k,
           mut(PLAIN, {"payer_address.country": DEL}), [])
    f.case("payer_address.country null", k, mut(PLAIN, {"payer_address.country": None}), [])
    f.case("payer_address empty object", k, mut(PLAIN, {"payer_address": {}}),
           [E("REQUIRED_FIELD", f"payer_address.{n}") for n in CHARGE_ADDRESS_REQUIRED])

    # --- 2. JSON types ---
    f.case("installment_count string \"3\"", k, mut(PLAIN, {"installment_count": "3"}),
           [E("INVALID_TYPE", "installment_count")])
    f.case("installment_count 3.0 is an integer", k, mut(PLAIN, {"installment_count": 3.0}), [])
    f.case("installment_count 3.5", k, mut(PLAIN, {"installment_count": 3.5}), [E("INVALID_TYPE", "installment_count")])
    f.case("installment_count boolean", k, mut(PLAIN, {"installment_count": True}), [E("INVALID_TYPE", "installment_count")])
    f.case("installment_value boolean", k, mut(PLAIN, {"installment_value": True}), [E("INVALID_TYPE", "installment_value")])
    f.case("installment_value numeric text", k, mut(PLAIN, {"installment_value": "150.00"}), [])
    f.case("installment_value array", k, mut(PLAIN, {"installment_value": [150]}), [E("INVALID_TYPE", "installment_value")])
    f.case("installment_value object", k, mut(PLAIN, {"installment_value": {"value": 150}}),
           [E("INVALID_TYPE", "installment_value")])
    f.case("capture string \"true\"", k, mut(CARD, {"capture": "true"}), [E("INVALID_TYPE", "capture")])
    f.case("capture false (pre-authorization)", k, mut(CARD, {"capture": False}), [])
    f.case("is_async true", k, mut(PLAIN, {"is_async": True}), [])
    f.case("is_async string \"false\"", k, mut(PLAIN, {"is_async": "false"}), [E("INVALID_TYPE", "is_async")])
    f.case("threeds_authentication string \"true\" (type error, no device check)", k,
           mut(CARD, {"threeds_authentication": "true"}), [E("INVALID_TYPE", "threeds_authentication")])
    f.case("payer_name is an object", k, mut(PLAIN, {"payer_name": {"first": "伟", "last": "张"}}),
           [E("INVALID_TYPE", "payer_name")])
    f.case("description is a number", k, mut(PLAIN, {"description": 42}), [E("INVALID_TYPE", "description")])
    f.case("payer_email is an array", k, mut(PLAIN, {"payer_email": ["zhangwei@example.com"]}),
           [E("INVALID_TYPE", "payer_email")])
    f.case("payer_tax_id is a number", k, mut(PLAIN, {"payer_tax_id": 12345678909}), [E("INVALID_TYPE", "payer_tax_id")])
    f.case("payer_cell_phone is a number", k, mut(PLAIN, {"payer_cell_phone": 5511999999999}),
           [E("INVALID_TYPE", "payer_cell_phone")])
    f.case("wallet_uuid is a number", k, mut(PLAIN, {"wallet_uuid": 123}), [E("INVALID_TYPE", "wallet_uuid")])
    f.case("currency is a number (amount still bounds-checked, tax id by address country)", k,
           mut(PLAIN, {"currency": 986}), [E("INVALID_TYPE", "currency")])
    f.case("due_date is a number", k, mut(PLAIN, {"due_date": 20261231}), [E("INVALID_TYPE", "due_date")])
    f.case("type_charge is an array", k, mut(PLAIN, {"type_charge": ["credit_card"]}), [E("INVALID_TYPE", "type_charge")])
    f.case("payer_address is an array", k, mut(PLAIN, {"payer_address": [SEED_CARD_CHARGE["payer_address"]]}),
           [E("INVALID_TYPE", "payer_address")])
    f.case("payer_address is a string", k, mut(PLAIN, {"payer_address": "Av. Paulista, 1000"}),
           [E("INVALID_TYPE", "payer_address")])
    f.case("payer_address.postal_code is a number", k, mut(PLAIN, {"payer_address.postal_code": 1310100}),
           [E("INVALID_TYPE", "payer_address.postal_code")])
    f.case("payer_address.state is a number", k, mut(PLAIN, {"payer_address.state": 35}),
           [E("INVALID_TYPE", "payer_address.state")])
    f.case("payer_address.country is a number (falls back to BR)", k, mut(PLAIN, {"payer_address.country": 76}),
           [E("INVALID_TYPE", "payer_address.country")])
    f.case("reference_external_id is a number", k, mut(PLAIN, {"reference_external_id": 2048}),
           [E("INVALID_TYPE", "reference_external_id")])
    f.case("reference_external_id text", k, mut(PLAIN, {"reference_external_id": "ORDER-42"}), [])
    f.case("webhook_url is an object", k, mut(PLAIN, {"webhook_url": {"url": "https://your-app.com/webhooks/a55"}}),
           [E("INVALID_TYPE", "webhook_url")])
    f.case("subscription is a string", k, mut(SUBPLAIN, {"subscription": "monthly"}), [E("INVALID_TYPE", "subscription")])
    f.case("device_info is an array (no 3DS)", k, mut(PLAIN, {"device_info": [DEVICE]}), [E("INVALID_TYPE", "device_info")])
    f.case("antifraud_info is a string", k, mut(PLAIN, {"antifraud_info": "web"}), [E("INVALID_TYPE", "antifraud_info")])
    f.case("card_number is a number", k, mut(CARD, {"card_number": 4024007153763130}), [E("INVALID_TYPE", "card_number")])
    f.case("card_expiry_month is a number", k, mut(CARD, {"card_expiry_month": 12}),
           [E("INVALID_TYPE", "card_expiry_month")])
    f.case("card_cvv is a number", k, mut(CARD, {"card_cvv": 123}), [E("INVALID_TYPE", "card_cvv")])
    f.case("shipping_address is an array", k, mut(PLAIN, {"shipping_address": []}), [E("INVALID_TYPE", "shipping_address")])
    f.case("shipping_address.city is a number", k, mut(PLAIN, {"shipping_address": {"city": 123}}),
           [E("INVALID_TYPE", "shipping_address.city")])
    f.case("shipping_address with a few fields (all optional)", k,
           mut(PLAIN, {"shipping_address": {"street": "Rua Augusta", "city": "São Paulo", "country": "BR"}}), [])
    f.case("applepay is a string", k, mut(mut(ONE, {"type_charge": "applepay"}), {"applepay": "token"}),
           [E("INVALID_TYPE", "applepay")])
    f.case("applepay any object (its keys are not checked)", k,
           mut(ONE, {"type_charge": "applepay", "applepay": {"paymentData": {"version": "EC_v1"}, "x": 1}}), [])
    f.case("googlepay any object", k,
           mut(ONE, {"type_charge": "googlepay", "googlepay": {"signature": "MEQ", "protocolVersion": "ECv2"}}), [])

    # device_info / antifraud_info / items / subscription field types
    f.case("device_info numbers where text or number is allowed", k,
           mut(PLAIN, {"device_info": {"http_browser_color_depth": 24, "http_browser_screen_height": 1080,
                                       "http_browser_screen_width": 1920, "http_browser_time_difference": -3}}), [])
    f.case("device_info.http_browser_java_enabled string \"true\"", k,
           mut(PLAIN, {"device_info": {"http_browser_java_enabled": "true"}}),
           [E("INVALID_TYPE", "device_info.http_browser_java_enabled")])
    f.case("device_info.http_browser_color_depth boolean", k,
           mut(PLAIN, {"device_info": {"http_browser_color_depth": True}}),
           [E("INVALID_TYPE", "device_info.http_browser_color_depth")])
    f.case("device_info.user_agent is a number", k, mut(PLAIN, {"device_info": {"user_agent": 5}}),
           [E("INVALID_TYPE", "device_info.user_agent")])
    AF = {"sales_channel": "web", "cardholder_logged_in": True, "cardholder_since_days": 400, "purchase_history": 12,
          "days_since_last_purchase_merchant": 30, "days_since_first_purchase_cardholder": 900}
    f.case("antifraud_info complete", k, mut(PLAIN, {"antifraud_info": AF}), [])
    for ch in SALES_CHANNELS:
        f.case(f"antifraud_info.sales_channel {ch}", k, mut(PLAIN, {"antifraud_info": {"sales_channel": ch}}), [])
    f.case("antifraud_info.sales_channel fax", k, mut(PLAIN, {"antifraud_info": mut(AF, {"sales_channel": "fax"})}),
           [E("INVALID_VALUE", "antifraud_info.sales_channel")])
    f.case("antifraud_info.cardholder_since_days string \"30\"", k,
           mut(PLAIN, {"antifraud_info": mut(AF, {"cardholder_since_days": "30"})}),
           [E("INVALID_TYPE", "antifraud_info.cardholder_since_days")])
    f.case("antifraud_info.purchase_history 12.0 is an integer", k,
           mut(PLAIN, {"antifraud_info": mut(AF, {"purchase_history": 12.0})}), [])
    f.case("antifraud_info.purchase_history 2.5", k, mut(PLAIN, {"antifraud_info": mut(AF, {"purchase_history": 2.5})}),
           [E("INVALID_TYPE", "antifraud_info.purchase_history")])
    f.case("antifraud_info.cardholder_logged_in string \"yes\"", k,
           mut(PLAIN, {"antifraud_info": mut(AF, {"cardholder_logged_in": "yes"})}),
           [E("INVALID_TYPE", "antifraud_info.cardholder_logged_in")])
    ITEMS = [{"name": "Camiseta", "description": "Algodão", "sku": "TS-1", "code": "001",
              "img": "https://your-app.com/img/ts.png", "quantity": 2, "total_amount": "100.00",
              "unit_amount": 50.0}]
    f.case("items complete", k, mut(PLAIN, {"items": ITEMS}), [])
    f.case("items empty array", k, mut(PLAIN, {"items": []}), [])
    f.case("items[0].quantity string \"2\"", k, mut(PLAIN, {"items": ITEMS, "items[0].quantity": "2"}),
           [E("INVALID_TYPE", "items[0].quantity")])
    f.case("items[0].quantity 2.0 is an integer", k, mut(PLAIN, {"items": ITEMS, "items[0].quantity": 2.0}), [])
    f.case("items[1].total_amount boolean", k,
           mut(PLAIN, {"items": ITEMS + [{"name": "Boné", "total_amount": True}]}),
           [E("INVALID_TYPE", "items[1].total_amount")])
    f.case("items[0].name is a number", k, mut(PLAIN, {"items": ITEMS, "items[0].name": 5}),
           [E("INVALID_TYPE", "items[0].name")])
    f.case("items is an object", k, mut(PLAIN, {"items": ITEMS[0]}), [E("INVALID_TYPE", "items")])
    f.case("items[0] is a string", k, mut(PLAIN, {"items": ["Camiseta"]}), [E("INVALID_TYPE", "items[0]")])
    f.case("subscription.cycle is a number", k, mut(SUBPLAIN, {"subscription.cycle": 1}),
           [E("INVALID_TYPE", "subscription.cycle")])
    f.case("subscription.end_date is a number", k, mut(SUBPLAIN, {"subscription.end_date": 20271231}),
           [E("INVALID_TYPE", "subscription.end_date")])

    # --- 3. unknown keys ---
    f.case("unknown top-level key", k, mut(PLAIN, {"payment_method": "card"}), [W("UNKNOWN_FIELD", "payment_method")])
    f.case("amount is not a charge field (unknown, not read as an amount)", k, mut(PLAIN, {"amount": "abc"}),
           [W("UNKNOWN_FIELD", "amount")])
    f.case("unknown key in payer_address", k, mut(PLAIN, {"payer_address.floor": "10"}),
           [W("UNKNOWN_FIELD", "payer_address.floor")])
    f.case("unknown key in shipping_address", k, mut(PLAIN, {"shipping_address": {"city": "Santos", "floor": "2"}}),
           [W("UNKNOWN_FIELD", "shipping_address.floor")])
    f.case("unknown key in device_info", k, mut(THREEDS, {"device_info.screen_dpi": 96}),
           [W("UNKNOWN_FIELD", "device_info.screen_dpi")])
    f.case("unknown key in antifraud_info", k, mut(PLAIN, {"antifraud_info": {"sales_channel": "app", "score": 10}}),
           [W("UNKNOWN_FIELD", "antifraud_info.score")])
    f.case("unknown key in subscription", k, mut(SUBPLAIN, {"subscription.interval": 1}),
           [W("UNKNOWN_FIELD", "subscription.interval")])
    f.case("unknown key in items[0]", k, mut(PLAIN, {"items": ITEMS, "items[0].color": "blue"}),
           [W("UNKNOWN_FIELD", "items[0].color")])

    # --- 4. formats ---
    f.case("wallet_uuid not a UUID", k, mut(PLAIN, {"wallet_uuid": "not-a-uuid"}), [E("INVALID_UUID", "wallet_uuid")])
    f.case("merchant_id not a UUID", k, mut(PLAIN, {"merchant_id": "12345"}), [E("INVALID_UUID", "merchant_id")])
    f.case("merchant_id version-1 UUID", k, mut(PLAIN, {"merchant_id": "6ba7b810-9dad-11d1-80b4-00c04fd430c8"}), [])
    f.case("wallet_uuid upper-case", k, mut(PLAIN, {"wallet_uuid": "F47AC10B-58CC-4372-A567-0E02B2C3D479"}), [])
    f.case("wallet_uuid with a misplaced dash", k, mut(PLAIN, {"wallet_uuid": "f47ac10b5-8cc-4372-a567-0e02b2c3d479"}),
           [E("INVALID_UUID", "wallet_uuid")])
    for bad in ("2026-02-30", "2026-12-31T23:59:59Z", "31/12/2026", "2026-1-5", "2027-02-29", "2026-13-01",
                "tomorrow"):
        f.case(f"due_date {bad!r} is not a date", k, mut(PLAIN, {"due_date": bad}), [E("INVALID_DATE", "due_date")])
    f.case("due_date 2028-02-29 (leap day)", k, mut(PLAIN, {"due_date": "2028-02-29"}), [])
    for good in ("zhang.wei+test@example.com.br", "ZHANGWEI@EXAMPLE.COM"):
        f.case(f"payer_email {good}", k, mut(PLAIN, {"payer_email": good}), [])
    for bad in ("zhangwei", "zhangwei@example", "zhangwei@@example.com", "zhangwei@example."):
        f.case(f"payer_email {bad!r}", k, mut(PLAIN, {"payer_email": bad}), [E("INVALID_EMAIL", "payer_email")])
    for good in ("+5511999999999", "5511999999999", "+55 (11) 99999-9999", "+55.11.99999.9999", "1199999999",
                 "+551199999999912"):
        f.case(f"payer_cell_phone {good}", k, mut(PLAIN, {"payer_cell_phone": good}), [])
    for bad in ("123", "+55abc", "119999999", "+5511999999999123", "+55 11 9999"):
        f.case(f"payer_cell_phone {bad!r}", k, mut(PLAIN, {"payer_cell_phone": bad}), [E("INVALID_PHONE", "payer_cell_phone")])
    for good in ("https://your-app.com/webhooks/a55", "http://127.0.0.1:8080/hook", "http://localhost:3000/hook",
                 "http://[::1]:8080/hook", "https://localhost/hook", "http://127.10.0.1/hook",
                 "https://hooks.your-app.com:8443/a55?source=sdk"):
        f.case(f"webhook_url {good}", k, mut(PLAIN, {"webhook_url": good}), [])
    for bad in ("http://your-app.com", "https://intranet/hook", "https://user:pass@your-app.com/hook",
                "https://your-app.com/web hooks", "ftp://your-app.com/hook", "http://10.0.0.1/hook",
                "http://localhost.evil.com/hook", "your-app.com/webhooks/a55"):
        f.case(f"webhook_url {bad!r}", k, mut(PLAIN, {"webhook_url": bad}), [E("INVALID_URL", "webhook_url")])
    f.case("redirect_url https", k, mut(PLAIN, {"redirect_url": "https://your-app.com/3ds/return"}), [])
    f.case("redirect_url ftp://x", k, mut(PLAIN, {"redirect_url": "ftp://x"}), [E("INVALID_REDIRECT_URL", "redirect_url")])
    f.case("redirect_url plain http", k, mut(PLAIN, {"redirect_url": "http://your-app.com/return"}),
           [E("INVALID_REDIRECT_URL", "redirect_url")])
    for tc in TYPE_CHARGES:
        f.case(f"type_charge {tc}", k, mut(ONE, {"type_charge": tc}), [])
    f.case("type_charge bitcoin", k, mut(ONE, {"type_charge": "bitcoin"}), [E("INVALID_TYPE_CHARGE", "type_charge")])
    f.case("type_charge credit (not a method)", k, mut(PLAIN, {"type_charge": "credit"}),
           [E("INVALID_TYPE_CHARGE", "type_charge")])
    f.case("payer_address.country BRA (falls back to BRL's BR)", k, mut(PLAIN, {"payer_address.country": "BRA"}),
           [E("INVALID_COUNTRY", "payer_address.country")])
    f.case("payer_address.country lower-case br", k, mut(PLAIN, {"payer_address.country": "br"}),
           [E("INVALID_COUNTRY", "payer_address.country")])
    f.case("payer_address.country ZZ (user-assigned)", k, mut(PLAIN, {"payer_address.country": "ZZ"}),
           [E("INVALID_COUNTRY", "payer_address.country")])
    f.case("shipping_address.country BRA", k, mut(PLAIN, {"shipping_address": {"city": "Santos", "country": "BRA"}}),
           [E("INVALID_COUNTRY", "shipping_address.country")])
    for cy in CYCLES:
        f.case(f"subscription.cycle {cy}", k, mut(SUBPLAIN, {"subscription.cycle": cy}), [])
    f.case("subscription.cycle daily", k, mut(SUB, {"subscription.cycle": "daily"}),
           [E("INVALID_SUBSCRIPTION_CYCLE", "subscription.cycle")])
    f.case("subscription.cycle Monthly (case matters)", k, mut(SUBPLAIN, {"subscription.cycle": "Monthly"}),
           [E("INVALID_SUBSCRIPTION_CYCLE", "subscription.cycle")])
    f.case("subscription without cycle", k, mut(SUBPLAIN, {"subscription": {"end_date": "2027-12-31"}}),
           [E("REQUIRED_FIELD", "subscription.cycle")])
    f.case("subscription.cycle empty", k, mut(SUBPLAIN, {"subscription.cycle": ""}),
           [E("REQUIRED_FIELD", "subscription.cycle")])
    f.case("subscription.cycle null", k, mut(SUBPLAIN, {"subscription.cycle": None}),
           [E("REQUIRED_FIELD", "subscription.cycle")])

    charge_rule_cases(f, k)  # rules 5-8 and combinations
    return f
