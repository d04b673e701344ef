"""The hand-written validate cases of every kind but charge: seeds, wallet, pix_charge, checkout, refund/capture.

One function per file of tests/vectors/: `seeds()` (the five seed pages' example requests as published,
docs/validation.md "The seeds"), `wallet()`, `pix_charge()`, `checkout()` and `refund_capture()`, each
the seed (or a minimal request) and its mutations. Every expected issue is written by hand;
validate_collect.File checks it against the model of validate_rules.py.
"""

from __future__ import annotations

from validate_collect import E, File, W
from validate_payloads import (
    CARD, CHECKOUT_REQUIRED, DEL, PIX, PIX_ADDRESS_REQUIRED, PIX_REQUIRED, SEED_CARD_CHARGE, SEED_CHECKOUT,
    SEED_PIX, SEED_SUBSCRIPTION, SEED_WALLET, SEED_WALLET_MULTI_BRL, SEED_WALLET_MULTI_MXN, SUB,
    WALLET_REQUIRED, email_of_length, mut,
)
from validate_reference import TYPE_CHARGES
from validate_tax_ids import CNPJ_ALNUM_OK, CNPJ_OK, CPF_ALL_EQUAL, CPF_BARE_OK, CUIT_OK

# ---------------------------------------------------------------------------------------------------
# validate_seeds.json
# ---------------------------------------------------------------------------------------------------


def seeds() -> File:
    f = File("validate_seeds", "The five seed pages' example requests, exactly as published (today 2026-11-21)")
    f.case("seed 000 checkout session", "checkout", SEED_CHECKOUT, [])
    f.case("seed 001 card charge (test card fails Luhn: warning only)", "charge", SEED_CARD_CHARGE,
           [W("CARD_NUMBER_CHECKSUM", "card_number")])
    f.case("seed 002 PIX charge (CPF 111.222.333-44 has wrong check digits)", "pix_charge", SEED_PIX,
           [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("seed 003 subscription (test card fails Luhn: warning only)", "charge", SEED_SUBSCRIPTION,
           [W("CARD_NUMBER_CHECKSUM", "card_number")])
    f.case("seed 004 wallet", "wallet", SEED_WALLET, [])
    f.case("seed 002 with the CPF corrected to 123.456.789-09", "pix_charge", PIX, [])
    f.case("seed 002 with the CPF corrected, written bare", "pix_charge", mut(SEED_PIX, {"payer_tax_id": CPF_BARE_OK}), [])
    f.case("seed 004 multi-currency example: BRL wallet without merchant_uuid", "wallet", SEED_WALLET_MULTI_BRL, [])
    f.case("seed 004 multi-currency example: MXN wallet, create_credentials false", "wallet",
           SEED_WALLET_MULTI_MXN, [])
    f.case("seed 001 with a Luhn-valid card number", "charge", CARD, [])
    f.case("seed 003 with a Luhn-valid card number", "charge", SUB, [])
    return f


# ---------------------------------------------------------------------------------------------------
# validate_wallet.json
# ---------------------------------------------------------------------------------------------------


def wallet() -> File:
    f = File("validate_wallet", "validate(\"wallet\", …): seed 004 and mutations (today 2026-11-21)")
    k, B = "wallet", SEED_WALLET
    f.case("base: seed 004 wallet", k, B, [])
    f.case("merchant_uuid omitted", k, mut(B, {"merchant_uuid": DEL}), [])
    f.case("merchant_uuid null means absent", k, mut(B, {"merchant_uuid": None}), [])
    for cur in ("MXN", "CLP", "ARS"):
        f.case(f"currency {cur} is a wallet currency", k, mut(B, {"currency": cur}), [])
    for cur in ("COP", "PEN", "USD", "EUR"):
        f.case(f"currency {cur} is not a wallet currency", k, mut(B, {"currency": cur}),
               [E("CURRENCY_NOT_SUPPORTED", "currency")])
    f.case("currency lower-case brl", k, mut(B, {"currency": "brl"}), [E("CURRENCY_NOT_SUPPORTED", "currency")])
    f.case("currency as a number", k, mut(B, {"currency": 986}), [E("INVALID_TYPE", "currency")])
    f.case("create_credentials false", k, mut(B, {"create_credentials": False}), [])
    f.case("create_credentials string \"true\"", k, mut(B, {"create_credentials": "true"}),
           [E("INVALID_TYPE", "create_credentials")])
    f.case("create_credentials number 1", k, mut(B, {"create_credentials": 1}), [E("INVALID_TYPE", "create_credentials")])
    f.case("create_credentials null is missing", k, mut(B, {"create_credentials": None}),
           [E("REQUIRED_FIELD", "create_credentials")])
    for name in WALLET_REQUIRED:
        f.case(f"{name} missing", k, mut(B, {name: DEL}), [E("REQUIRED_FIELD", name)])
    f.case("entity_uuid upper-case", k, mut(B, {"entity_uuid": "550E8400-E29B-41D4-A716-446655440000"}), [])
    f.case("entity_uuid nil UUID (any version)", k, mut(B, {"entity_uuid": "00000000-0000-0000-0000-000000000000"}), [])
    f.case("entity_uuid without dashes", k, mut(B, {"entity_uuid": "550e8400e29b41d4a716446655440000"}),
           [E("INVALID_UUID", "entity_uuid")])
    f.case("entity_uuid in braces", k, mut(B, {"entity_uuid": "{550e8400-e29b-41d4-a716-446655440000}"}),
           [E("INVALID_UUID", "entity_uuid")])
    f.case("entity_uuid with a non-hex digit", k, mut(B, {"entity_uuid": "550e8400-e29b-41d4-a716-44665544000g"}),
           [E("INVALID_UUID", "entity_uuid")])
    f.case("entity_uuid empty string", k, mut(B, {"entity_uuid": ""}), [E("REQUIRED_FIELD", "entity_uuid")])
    f.case("merchant_uuid not a UUID", k, mut(B, {"merchant_uuid": "merchant-1"}), [E("INVALID_UUID", "merchant_uuid")])
    f.case("merchant_uuid as a number", k, mut(B, {"merchant_uuid": 123}), [E("INVALID_TYPE", "merchant_uuid")])
    f.case("customer_id as a number", k, mut(B, {"customer_id": 12345}), [E("INVALID_TYPE", "customer_id")])
    f.case("customer_id only spaces", k, mut(B, {"customer_id": "   "}), [E("REQUIRED_FIELD", "customer_id")])
    f.case("name is an object", k, mut(B, {"name": {"zh": "圣保罗门店"}}), [E("INVALID_TYPE", "name")])
    f.case("name null", k, mut(B, {"name": None}), [E("REQUIRED_FIELD", "name")])
    f.case("email without @", k, mut(B, {"email": "financeiro.loja-sp.com.br"}), [E("INVALID_EMAIL", "email")])
    f.case("email without a tld", k, mut(B, {"email": "financeiro@localhost"}), [E("INVALID_EMAIL", "email")])
    f.case("email with two @", k, mut(B, {"email": "fin@@loja-sp.com.br"}), [E("INVALID_EMAIL", "email")])
    f.case("email with an empty local part", k, mut(B, {"email": "@loja-sp.com.br"}), [E("INVALID_EMAIL", "email")])
    f.case("email with a plus tag", k, mut(B, {"email": "financeiro+wallets@loja-sp.com.br"}), [])
    f.case("email of exactly 254 characters", k, mut(B, {"email": email_of_length(254)}), [])
    f.case("email of 255 characters", k, mut(B, {"email": email_of_length(255)}), [E("INVALID_EMAIL", "email")])
    f.case("email as an array", k, mut(B, {"email": ["financeiro@loja-sp.com.br"]}), [E("INVALID_TYPE", "email")])
    f.case("unknown top-level key", k, mut(B, {"wallet_type": "default"}), [W("UNKNOWN_FIELD", "wallet_type")])
    f.case("unknown key holding an object (warned once, not looked into)", k,
           mut(B, {"metadata": {"anything": [1, 2]}}), [W("UNKNOWN_FIELD", "metadata")])
    f.case("empty object", k, {}, [E("REQUIRED_FIELD", n) for n in WALLET_REQUIRED])
    f.case("payload is an array", k, [B], [E("INVALID_TYPE", "")])
    f.case("payload is a string", k, "wallet", [E("INVALID_TYPE", "")])
    f.case("payload is a number", k, 42, [E("INVALID_TYPE", "")])
    f.case("five issues at once", k,
           mut(B, {"entity_uuid": "550e8400", "currency": "COP", "email": "financeiro", "create_credentials": "yes",
                   "tag": "x"}),
           [E("INVALID_UUID", "entity_uuid"), E("CURRENCY_NOT_SUPPORTED", "currency"), E("INVALID_EMAIL", "email"),
            E("INVALID_TYPE", "create_credentials"), W("UNKNOWN_FIELD", "tag")])
    return f


# ---------------------------------------------------------------------------------------------------
# validate_pix_charge.json
# ---------------------------------------------------------------------------------------------------


def pix_charge() -> File:
    f = File("validate_pix_charge", "validate(\"pix_charge\", …): seed 002 (CPF corrected) and mutations "
             "(today 2026-11-21)")
    k = "pix_charge"
    f.case("base: seed 002 with CPF 123.456.789-09", k, PIX, [])
    f.case("seed 002 as published: bad CPF", k, SEED_PIX, [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("CNPJ payer", k, mut(PIX, {"payer_tax_id": CNPJ_OK}), [])
    f.case("alphanumeric CNPJ payer", k, mut(PIX, {"payer_tax_id": CNPJ_ALNUM_OK}), [])
    f.case("all-equal CPF", k, mut(PIX, {"payer_tax_id": CPF_ALL_EQUAL}), [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("empty object", k, {}, [E("REQUIRED_FIELD", n) for n in PIX_REQUIRED])
    for name in PIX_REQUIRED:
        f.case(f"{name} missing", k, mut(PIX, {name: DEL}), [E("REQUIRED_FIELD", name)])
    for name in PIX_ADDRESS_REQUIRED:
        f.case(f"payer_address.{name} missing", k, mut(PIX, {f"payer_address.{name}": DEL}),
               [E("REQUIRED_FIELD", f"payer_address.{name}")])
    f.case("payer_address with only street, city, state, postal_code", k,
           mut(PIX, {"payer_address": {"street": "Av. Rio Branco", "city": "Rio de Janeiro", "state": "RJ",
                                       "postal_code": "20040002"}}), [])
    f.case("payer_address.complement missing is fine for PIX", k, mut(PIX, {"payer_address.complement": DEL}), [])
    f.case("payer_address empty object", k, mut(PIX, {"payer_address": {}}),
           [E("REQUIRED_FIELD", f"payer_address.{n}") for n in PIX_ADDRESS_REQUIRED])
    f.case("payer_address is an array", k, mut(PIX, {"payer_address": []}), [E("INVALID_TYPE", "payer_address")])
    f.case("payer_address.city only spaces", k, mut(PIX, {"payer_address.city": "  "}),
           [E("REQUIRED_FIELD", "payer_address.city")])
    f.case("payer_address.address_number null", k, mut(PIX, {"payer_address.address_number": None}), [])
    f.case("webhook_url missing", k, mut(PIX, {"webhook_url": DEL}), [])
    f.case("reference_external_id", k, mut(PIX, {"reference_external_id": "ORDER-100"}), [])
    f.case("reference_external_id null", k, mut(PIX, {"reference_external_id": None}), [])
    for cur in ("MXN", "USD", "brl"):
        f.case(f"currency {cur} (PIX is BRL only)", k, mut(PIX, {"currency": cur}), [E("CURRENCY_NOT_SUPPORTED", "currency")])
    f.case("currency MXN: amount 149.905 not rounded, no warning", k, mut(PIX, {"currency": "MXN", "amount": 149.905}),
           [E("CURRENCY_NOT_SUPPORTED", "currency")])
    f.case("currency MXN: tax id still checked by address country BR", k, mut(SEED_PIX, {"currency": "MXN"}),
           [E("CURRENCY_NOT_SUPPORTED", "currency"), E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("amount 149.905 (warning)", k, mut(PIX, {"amount": 149.905}), [W("AMOUNT_ROUNDED", "amount")])
    f.case("amount \"149.905\" (warning)", k, mut(PIX, {"amount": "149.905"}), [W("AMOUNT_ROUNDED", "amount")])
    f.case("amount \"149.90\"", k, mut(PIX, {"amount": "149.90"}), [])
    for bad, label in ((0, "0"), (-149.9, "-149.9"), ("abc", "\"abc\""), (1e12, "1e12")):
        f.case(f"amount {label}", k, mut(PIX, {"amount": bad}), [E("AMOUNT_INVALID", "amount")])
    f.case("amount boolean", k, mut(PIX, {"amount": False}), [E("INVALID_TYPE", "amount")])
    f.case("installment_value is not a PIX field", k, mut(PIX, {"installment_value": 149.9}),
           [W("UNKNOWN_FIELD", "installment_value")])
    f.case("type_charge is not a PIX field", k, mut(PIX, {"type_charge": "pix"}), [W("UNKNOWN_FIELD", "type_charge")])
    f.case("redirect_url is not a PIX field (not format-checked)", k, mut(PIX, {"redirect_url": "ftp://x"}),
           [W("UNKNOWN_FIELD", "redirect_url")])
    f.case("unknown key in payer_address", k, mut(PIX, {"payer_address.floor": "3"}),
           [W("UNKNOWN_FIELD", "payer_address.floor")])
    f.case("due_date yesterday", k, mut(PIX, {"due_date": "2026-11-20"}), [E("DUE_DATE_IN_PAST", "due_date")])
    f.case("due_date today", k, mut(PIX, {"due_date": "2026-11-21"}), [])
    f.case("due_date as an ISO timestamp", k, mut(PIX, {"due_date": "2026-12-31T23:59:59Z"}), [E("INVALID_DATE", "due_date")])
    f.case("state XX", k, mut(PIX, {"payer_address.state": "XX"}), [E("INVALID_STATE", "payer_address.state")])
    f.case("state lower-case rj", k, mut(PIX, {"payer_address.state": "rj"}), [E("INVALID_STATE", "payer_address.state")])
    f.case("postal code with 5 digits", k, mut(PIX, {"payer_address.postal_code": "20040"}),
           [E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("country BRA", k, mut(PIX, {"payer_address.country": "BRA"}), [E("INVALID_COUNTRY", "payer_address.country")])
    f.case("country AR: tax id and postal code by AR", k,
           mut(PIX, {"payer_tax_id": CUIT_OK, "payer_address": {"street": "Av. Santa Fe", "city": "Buenos Aires",
                                                               "state": "CABA", "postal_code": "1425",
                                                               "country": "AR"}}), [])
    f.case("webhook_url plain http", k, mut(PIX, {"webhook_url": "http://your-app.com"}), [E("INVALID_URL", "webhook_url")])
    f.case("webhook_url loopback http", k, mut(PIX, {"webhook_url": "http://localhost:8080/hook"}), [])
    f.case("payer_email without domain", k, mut(PIX, {"payer_email": "wangfang@"}), [E("INVALID_EMAIL", "payer_email")])
    f.case("payer_cell_phone too short", k, mut(PIX, {"payer_cell_phone": "+55 21 9777"}),
           [E("INVALID_PHONE", "payer_cell_phone")])
    f.case("merchant_id not a UUID", k, mut(PIX, {"merchant_id": "merchant"}), [E("INVALID_UUID", "merchant_id")])
    f.case("description is an object", k, mut(PIX, {"description": {"zh": "订单"}}), [E("INVALID_TYPE", "description")])
    f.case("payload is an array", k, [PIX], [E("INVALID_TYPE", "")])
    f.case("combination: currency, CPF, state and postal code", k,
           mut(SEED_PIX, {"currency": "MXN", "payer_address.state": "Rio", "payer_address.postal_code": "20040"}),
           [E("CURRENCY_NOT_SUPPORTED", "currency"), E("INVALID_TAX_ID", "payer_tax_id"),
            E("INVALID_STATE", "payer_address.state"), E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("combination: presence, type and unknown", k,
           mut(PIX, {"payer_name": None, "amount": "", "due_date": 20261231, "payer_address.street": DEL,
                     "qr": True}),
           [E("REQUIRED_FIELD", "payer_name"), E("REQUIRED_FIELD", "amount"), E("INVALID_TYPE", "due_date"),
            E("REQUIRED_FIELD", "payer_address.street"), W("UNKNOWN_FIELD", "qr")])
    return f


# ---------------------------------------------------------------------------------------------------
# validate_checkout.json
# ---------------------------------------------------------------------------------------------------


def checkout() -> File:
    f = File("validate_checkout", "validate(\"checkout\", …): seed 000 and mutations (today 2026-11-21)")
    k, B = "checkout", SEED_CHECKOUT
    f.case("base: seed 000", k, B, [])
    f.case("only the required fields", k, {n: B[n] for n in CHECKOUT_REQUIRED}, [])
    f.case("every optional field null", k,
           mut(B, {"cancel_url": None, "payer_email": None, "allowed_methods": None, "max_installments": None,
                   "webhook_url": None, "reference_external_id": None, "is_checkout": None}), [])
    f.case("empty object", k, {}, [E("REQUIRED_FIELD", n) for n in CHECKOUT_REQUIRED])
    for name in CHECKOUT_REQUIRED:
        f.case(f"{name} missing", k, mut(B, {name: DEL}), [E("REQUIRED_FIELD", name)])
    f.case("redirect_url empty", k, mut(B, {"redirect_url": ""}), [E("REQUIRED_FIELD", "redirect_url")])
    f.case("description only spaces", k, mut(B, {"description": "    "}), [E("REQUIRED_FIELD", "description")])
    f.case("is_checkout true", k, mut(B, {"is_checkout": True}), [])
    f.case("is_checkout string \"true\"", k, mut(B, {"is_checkout": "true"}), [E("INVALID_TYPE", "is_checkout")])
    f.case("threeds_authentication true (payments go through 3DS)", k, mut(B, {"threeds_authentication": True}), [])
    f.case("threeds_authentication string", k, mut(B, {"threeds_authentication": "yes"}),
           [E("INVALID_TYPE", "threeds_authentication")])
    for cur in ("MXN", "CLP", "COP", "PEN", "ARS", "USD"):
        f.case(f"currency {cur}", k, mut(B, {"currency": cur}), [])
    f.case("CLP 50000.5 truncated (warning)", k, mut(B, {"currency": "CLP", "amount": 50000.5}),
           [W("AMOUNT_ROUNDED", "amount")])
    f.case("COP 250000", k, mut(B, {"currency": "COP", "amount": 250000}), [])
    for cur in ("EUR", "brl"):
        f.case(f"currency {cur}", k, mut(B, {"currency": cur}), [E("CURRENCY_NOT_SUPPORTED", "currency")])
    f.case("currency EUR with amount -1", k, mut(B, {"currency": "EUR", "amount": -1}),
           [E("CURRENCY_NOT_SUPPORTED", "currency"), E("AMOUNT_INVALID", "amount")])
    f.case("currency is an object", k, mut(B, {"currency": {"code": "BRL"}}), [E("INVALID_TYPE", "currency")])
    for bad, label in (("abc", "\"abc\""), (0, "0"), (-1, "-1"), (1e12, "1e12"), ("1e9", "\"1e9\"")):
        f.case(f"amount {label}", k, mut(B, {"amount": bad}), [E("AMOUNT_INVALID", "amount")])
    f.case("amount boolean", k, mut(B, {"amount": True}), [E("INVALID_TYPE", "amount")])
    f.case("amount \"250.005\" (warning)", k, mut(B, {"amount": "250.005"}), [W("AMOUNT_ROUNDED", "amount")])
    f.case("amount \"250.00\"", k, mut(B, {"amount": "250.00"}), [])
    f.case("redirect_url ftp://x", k, mut(B, {"redirect_url": "ftp://x"}), [E("INVALID_REDIRECT_URL", "redirect_url")])
    f.case("redirect_url plain http", k, mut(B, {"redirect_url": "http://your-app.com/payment/success"}),
           [E("INVALID_REDIRECT_URL", "redirect_url")])
    f.case("redirect_url with a space", k, mut(B, {"redirect_url": "https://your-app.com/payment success"}),
           [E("INVALID_REDIRECT_URL", "redirect_url")])
    f.case("redirect_url loopback http", k, mut(B, {"redirect_url": "http://localhost:3000/payment/success"}), [])
    f.case("redirect_url is a number", k, mut(B, {"redirect_url": 1}), [E("INVALID_TYPE", "redirect_url")])
    f.case("cancel_url plain http", k, mut(B, {"cancel_url": "http://your-app.com/payment/cancel"}),
           [E("INVALID_URL", "cancel_url")])
    f.case("cancel_url with user info", k, mut(B, {"cancel_url": "https://user:pw@your-app.com/payment/cancel"}),
           [E("INVALID_URL", "cancel_url")])
    f.case("webhook_url http://your-app.com", k, mut(B, {"webhook_url": "http://your-app.com"}),
           [E("INVALID_URL", "webhook_url")])
    f.case("webhook_url http://127.0.0.1:8080/hook", k, mut(B, {"webhook_url": "http://127.0.0.1:8080/hook"}), [])
    f.case("webhook_url https without a dotted host", k, mut(B, {"webhook_url": "https://intranet/hooks"}),
           [E("INVALID_URL", "webhook_url")])
    f.case("allowed_methods with bitcoin at index 1", k, mut(B, {"allowed_methods": ["credit_card", "bitcoin"]}),
           [E("INVALID_ALLOWED_METHOD", "allowed_methods[1]")])
    f.case("allowed_methods with two bad entries", k, mut(B, {"allowed_methods": ["cash", "pix", "crypto"]}),
           [E("INVALID_ALLOWED_METHOD", "allowed_methods[0]"), E("INVALID_ALLOWED_METHOD", "allowed_methods[2]")])
    f.case("allowed_methods as a string", k, mut(B, {"allowed_methods": "credit_card"}),
           [E("INVALID_TYPE", "allowed_methods")])
    f.case("allowed_methods every payment method", k, mut(B, {"allowed_methods": list(TYPE_CHARGES)}), [])
    f.case("allowed_methods [\"pix\"]", k, mut(B, {"allowed_methods": ["pix"]}), [])
    for n in (1, 12):
        f.case(f"max_installments {n}", k, mut(B, {"max_installments": n}), [])
    for n in (0, 13):
        f.case(f"max_installments {n}", k, mut(B, {"max_installments": n}),
               [E("INVALID_INSTALLMENT_COUNT", "max_installments")])
    f.case("max_installments string \"6\"", k, mut(B, {"max_installments": "6"}), [E("INVALID_TYPE", "max_installments")])
    f.case("max_installments 6.0", k, mut(B, {"max_installments": 6.0}), [])
    f.case("max_installments 6.5", k, mut(B, {"max_installments": 6.5}), [E("INVALID_TYPE", "max_installments")])
    f.case("payer_email invalid", k, mut(B, {"payer_email": "zhangwei@example"}), [E("INVALID_EMAIL", "payer_email")])
    f.case("due_date yesterday", k, mut(B, {"due_date": "2026-11-20"}), [E("DUE_DATE_IN_PAST", "due_date")])
    f.case("due_date today", k, mut(B, {"due_date": "2026-11-21"}), [])
    f.case("due_date 2026-02-30", k, mut(B, {"due_date": "2026-02-30"}), [E("INVALID_DATE", "due_date")])
    f.case("wallet_uuid not a UUID", k, mut(B, {"wallet_uuid": "f47ac10b-58cc-4372-a567"}), [E("INVALID_UUID", "wallet_uuid")])
    f.case("reference_external_id is a number", k, mut(B, {"reference_external_id": 2048}),
           [E("INVALID_TYPE", "reference_external_id")])
    f.case("installment_count is not a checkout field", k, mut(B, {"installment_count": 3}),
           [W("UNKNOWN_FIELD", "installment_count")])
    f.case("payload is a string", k, "checkout", [E("INVALID_TYPE", "")])
    f.case("payload is an array", k, [B], [E("INVALID_TYPE", "")])
    f.case("combination: five issues", k,
           mut(B, {"redirect_url": "http://your-app.com/payment/success", "allowed_methods": ["credit_card", "bitcoin"],
                   "max_installments": 13, "currency": "EUR", "amount": "250.005", "theme": "dark"}),
           [E("INVALID_REDIRECT_URL", "redirect_url"), E("INVALID_ALLOWED_METHOD", "allowed_methods[1]"),
            E("INVALID_INSTALLMENT_COUNT", "max_installments"), E("CURRENCY_NOT_SUPPORTED", "currency"),
            W("UNKNOWN_FIELD", "theme")])
    f.case("combination: presence and types", k,
           mut(B, {"wallet_uuid": None, "merchant_id": "", "amount": [250], "is_checkout": 1, "due_date": "2026-11-01"}),
           [E("REQUIRED_FIELD", "wallet_uuid"), E("REQUIRED_FIELD", "merchant_id"), E("INVALID_TYPE", "amount"),
            E("INVALID_TYPE", "is_checkout"), E("DUE_DATE_IN_PAST", "due_date")])
    return f


# ---------------------------------------------------------------------------------------------------
# validate_refund_capture.json
# ---------------------------------------------------------------------------------------------------


def refund_capture() -> File:
    f = File("validate_refund_capture", "validate(\"refund\" | \"capture\", …) (today 2026-11-21)")
    REF = {"charge_uuid": "51dcca6e-7310-4b73-a94c-90835408f2ff", "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
           "amount": 50.00, "reason": "customer request"}
    CAP = {"charge_uuid": "51dcca6e-7310-4b73-a94c-90835408f2ff", "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
           "amount": 150.00}
    f.case("refund: partial with reason", "refund", REF, [])
    f.case("refund: full (no amount, no reason)", "refund", mut(REF, {"amount": DEL, "reason": DEL}), [])
    f.case("refund: amount null means full", "refund", mut(REF, {"amount": None}), [])
    f.case("refund: reason null", "refund", mut(REF, {"reason": None}), [])
    f.case("refund: amount numeric text", "refund", mut(REF, {"amount": "25.50"}), [])
    f.case("refund: amount 10.005 rounds to 10.01 (warning)", "refund", mut(REF, {"amount": 10.005}),
           [W("AMOUNT_ROUNDED", "amount")])
    f.case("refund: amount \"10.005\" (warning)", "refund", mut(REF, {"amount": "10.005"}), [W("AMOUNT_ROUNDED", "amount")])
    f.case("refund: amount 50000.5 kept at two decimals (no warning)", "refund", mut(REF, {"amount": 50000.5}), [])
    for bad, label in ((0, "0"), (-5, "-5"), ("abc", "\"abc\""), (1e12, "1e12"), ("1000000000.00", "\"1000000000.00\"")):
        f.case(f"refund: amount {label}", "refund", mut(REF, {"amount": bad}), [E("AMOUNT_INVALID", "amount")])
    f.case("refund: amount 999999999.99", "refund", mut(REF, {"amount": 999999999.99}), [])
    f.case("refund: amount boolean", "refund", mut(REF, {"amount": True}), [E("INVALID_TYPE", "amount")])
    f.case("refund: amount object", "refund", mut(REF, {"amount": {"value": 50}}), [E("INVALID_TYPE", "amount")])
    f.case("refund: reason is a number", "refund", mut(REF, {"reason": 5}), [E("INVALID_TYPE", "reason")])
    f.case("refund: charge_uuid not a UUID", "refund", mut(REF, {"charge_uuid": "charge-1"}), [E("INVALID_UUID", "charge_uuid")])
    f.case("refund: charge_uuid empty", "refund", mut(REF, {"charge_uuid": ""}), [E("REQUIRED_FIELD", "charge_uuid")])
    f.case("refund: charge_uuid null", "refund", mut(REF, {"charge_uuid": None}), [E("REQUIRED_FIELD", "charge_uuid")])
    f.case("refund: wallet_uuid missing", "refund", mut(REF, {"wallet_uuid": DEL}), [E("REQUIRED_FIELD", "wallet_uuid")])
    f.case("refund: wallet_uuid is a number", "refund", mut(REF, {"wallet_uuid": 123}), [E("INVALID_TYPE", "wallet_uuid")])
    f.case("refund: wallet_uuid upper-case", "refund", mut(REF, {"wallet_uuid": "F47AC10B-58CC-4372-A567-0E02B2C3D479"}), [])
    f.case("refund: unknown key currency", "refund", mut(REF, {"currency": "BRL"}), [W("UNKNOWN_FIELD", "currency")])
    f.case("refund: empty object", "refund", {}, [E("REQUIRED_FIELD", "charge_uuid"), E("REQUIRED_FIELD", "wallet_uuid")])
    f.case("refund: payload is an array", "refund", [REF], [E("INVALID_TYPE", "")])
    f.case("refund: combination", "refund",
           mut(REF, {"charge_uuid": "51dcca6e", "wallet_uuid": DEL, "amount": 0, "reason": ["dup"], "note": "x"}),
           [E("INVALID_UUID", "charge_uuid"), E("REQUIRED_FIELD", "wallet_uuid"), E("AMOUNT_INVALID", "amount"),
            E("INVALID_TYPE", "reason"), W("UNKNOWN_FIELD", "note")])
    f.case("capture: with amount", "capture", CAP, [])
    f.case("capture: without amount", "capture", mut(CAP, {"amount": DEL}), [])
    f.case("capture: amount \"99.999\" (warning)", "capture", mut(CAP, {"amount": "99.999"}), [W("AMOUNT_ROUNDED", "amount")])
    f.case("capture: amount -1", "capture", mut(CAP, {"amount": -1}), [E("AMOUNT_INVALID", "amount")])
    f.case("capture: amount \"abc\"", "capture", mut(CAP, {"amount": "abc"}), [E("AMOUNT_INVALID", "amount")])
    f.case("capture: amount string boolean", "capture", mut(CAP, {"amount": "true"}), [E("AMOUNT_INVALID", "amount")])
    f.case("capture: reason is not a capture field", "capture", mut(CAP, {"reason": "late"}), [W("UNKNOWN_FIELD", "reason")])
    f.case("capture: charge_uuid without dashes", "capture", mut(CAP, {"charge_uuid": "51dcca6e73104b73a94c90835408f2ff"}),
           [E("INVALID_UUID", "charge_uuid")])
    f.case("capture: wallet_uuid only spaces", "capture", mut(CAP, {"wallet_uuid": "   "}), [E("REQUIRED_FIELD", "wallet_uuid")])
    f.case("capture: empty object", "capture", {}, [E("REQUIRED_FIELD", "charge_uuid"), E("REQUIRED_FIELD", "wallet_uuid")])
    f.case("capture: payload is a string", "capture", "51dcca6e-7310-4b73-a94c-90835408f2ff", [E("INVALID_TYPE", "")])
    f.case("capture: combination", "capture",
           {"charge_uuid": 1, "wallet_uuid": "wallet", "amount": 1e12},
           [E("INVALID_TYPE", "charge_uuid"), E("INVALID_UUID", "wallet_uuid"), E("AMOUNT_INVALID", "amount")])
    return f
