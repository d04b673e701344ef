"""validate_charge.json, second half: the cases for rules 5-8 of docs/validation.md and combinations.

Currency and amount (rule 5), dates against today (rule 6), country-dependent fields (rule 7), the
charge-only checks (rule 8: installment_count, subscriptions, card fields, 3DS), then several issues at
once and non-object payloads. Called by `charge()` in validate_cases_charge.py after rules 1-4. Every
expected issue is written by hand; validate_collect.File checks it against the model of
validate_rules.py.
"""

from __future__ import annotations

import json

from validate_collect import E, File, W
from validate_payloads import (
    AMEX, AR_ADDRESS, AR_CHARGE, CARD, CL_CHARGE, CO_CHARGE, DEL, LUHN_OK_CARD, MX_CHARGE, ONE, PE_CHARGE,
    PLAIN, SEED_CARD_CHARGE, SUB, SUBPLAIN, THREEDS, US_ADDRESS, US_CHARGE, mut,
)
from validate_reference import CARD_FIELDS
from validate_tax_ids import (
    AR_DNI_OK, CNPJ_ALNUM_LOWER_OK, CNPJ_ALNUM_OK, CNPJ_OK, CPF_ALL_EQUAL, CPF_BARE_OK, CPF_DOC_BAD, CPF_OK,
    CPF_SEED_BAD, CUIT_DOC_BAD, CUIT_OK, CURP_DOC_BAD, CURP_OK, NIT_BAD, NIT_OK, PE_DNI_OK, RFC_GENERIC_OK,
    RUC_DOC_BAD, RUT_7_OK, RUT_BAD, RUT_K_OK,
    CNPJ_ZEROS, CUIT_PREFIX_99, CURP_1900_0229, CURP_2000_0229, CURP_BAD_WORD, CURP_STATE_XX, NIT_DASHED_OK,
    NIT_TEN_BAD, NIT_TEN_OK, PE_CUI_BAD, PE_CUI_LETTER_OK, PE_CUI_OK, RFC_BAD_WORD,
)


def charge_rule_cases(f: File, k: str) -> None:
    """Append rules 5-8 and the combinations to `f` (kind `k` = "charge"), after charge()'s rules 1-4."""
    CS = W("CARD_NUMBER_CHECKSUM", "card_number")

    # --- 5. currency and amount ---
    f.case("CLP charge, Chilean RUT and CL address", k, CL_CHARGE, [])
    f.case("CLP 50000.5 is truncated to 50000 (warning)", k, mut(CL_CHARGE, {"installment_value": 50000.5}),
           [W("AMOUNT_ROUNDED", "installment_value")])
    f.case("CLP \"50000.99\" is truncated (warning)", k, mut(CL_CHARGE, {"installment_value": "50000.99"}),
           [W("AMOUNT_ROUNDED", "installment_value")])
    f.case("CLP with RUT ending in K", k, mut(CL_CHARGE, {"payer_tax_id": RUT_K_OK}), [])
    f.case("CLP with a 7-digit-body RUT", k, mut(CL_CHARGE, {"payer_tax_id": RUT_7_OK}), [])
    f.case("CLP with a wrong RUT check digit", k, mut(CL_CHARGE, {"payer_tax_id": RUT_BAD}),
           [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("MXN charge, RFC and MX address", k, MX_CHARGE, [])
    f.case("MXN 2500.005 rounds to 2500.01 (warning)", k, mut(MX_CHARGE, {"installment_value": 2500.005}),
           [W("AMOUNT_ROUNDED", "installment_value")])
    f.case("COP charge, cédula and CO address", k, CO_CHARGE, [])
    f.case("COP 200000.5 is truncated (warning)", k, mut(CO_CHARGE, {"installment_value": 200000.5}),
           [W("AMOUNT_ROUNDED", "installment_value")])
    f.case("PEN charge, RUC and PE address", k, PE_CHARGE, [])
    f.case("ARS charge, CUIT and AR address", k, AR_CHARGE, [])
    f.case("USD charge, US address, any tax id", k, US_CHARGE, [])
    for cur in ("EUR", "brl", "XYZ"):
        f.case(f"currency {cur} not supported for charges", k, mut(PLAIN, {"currency": cur}),
               [E("CURRENCY_NOT_SUPPORTED", "currency")])
    f.case("unsupported currency: 150.005 is not rounded and gives no warning", k,
           mut(PLAIN, {"currency": "EUR", "installment_value": 150.005}), [E("CURRENCY_NOT_SUPPORTED", "currency")])
    f.case("unsupported currency: amount still bounds-checked (1e12)", k,
           mut(PLAIN, {"currency": "EUR", "installment_value": 1e12}),
           [E("CURRENCY_NOT_SUPPORTED", "currency"), E("AMOUNT_INVALID", "installment_value")])
    f.case("unsupported currency: amount 0 still invalid", k, mut(PLAIN, {"currency": "EUR", "installment_value": 0}),
           [E("CURRENCY_NOT_SUPPORTED", "currency"), E("AMOUNT_INVALID", "installment_value")])
    f.case("unsupported currency: tax id follows payer_address.country BR", k,
           mut(PLAIN, {"currency": "EUR", "payer_tax_id": CPF_SEED_BAD}),
           [E("CURRENCY_NOT_SUPPORTED", "currency"), E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("unsupported currency and no address country: no tax-id or postal check", k,
           mut(PLAIN, {"currency": "EUR", "payer_tax_id": "abc", "payer_address.country": DEL,
                       "payer_address.postal_code": "abc", "payer_address.state": "XX"}),
           [E("CURRENCY_NOT_SUPPORTED", "currency")])
    f.case("unsupported currency and invalid address country: no tax-id check", k,
           mut(PLAIN, {"currency": "brl", "payer_tax_id": "abc", "payer_address.country": "BRA"}),
           [E("CURRENCY_NOT_SUPPORTED", "currency"), E("INVALID_COUNTRY", "payer_address.country")])
    f.case("currency missing: tax id still follows payer_address.country", k,
           mut(PLAIN, {"currency": DEL, "payer_tax_id": CPF_SEED_BAD}),
           [E("REQUIRED_FIELD", "currency"), E("INVALID_TAX_ID", "payer_tax_id")])
    for bad, label in ((0, "0"), (-10, "-10"), ("abc", "\"abc\""), (1e12, "1e12"), ("1e12", "\"1e12\""),
                       ("1000000000", "\"1000000000\""), ("1,50", "\"1,50\""), ("NaN", "\"NaN\""),
                       ("-0.01", "\"-0.01\""), ("0.00", "\"0.00\"")):
        f.case(f"installment_value {label}", k, mut(PLAIN, {"installment_value": bad}),
               [E("AMOUNT_INVALID", "installment_value")])
    f.case("installment_value 999999999.99 (the maximum)", k, mut(PLAIN, {"installment_value": 999999999.99}), [])
    f.case("installment_value \"999999999.99\"", k, mut(PLAIN, {"installment_value": "999999999.99"}), [])
    f.case("installment_value 150.005 rounds half away from zero (warning)", k,
           mut(PLAIN, {"installment_value": 150.005}), [W("AMOUNT_ROUNDED", "installment_value")])
    f.case("installment_value \"150.005\" (warning)", k, mut(PLAIN, {"installment_value": "150.005"}),
           [W("AMOUNT_ROUNDED", "installment_value")])
    f.case("installment_value 2.675 is read as 2.675, rounds to 2.68 (warning)", k,
           mut(PLAIN, {"installment_value": 2.675}), [W("AMOUNT_ROUNDED", "installment_value")])
    f.case("installment_value \"150.004\" rounds down (warning)", k, mut(PLAIN, {"installment_value": "150.004"}),
           [W("AMOUNT_ROUNDED", "installment_value")])
    f.case("installment_value 150 (integer)", k, mut(PLAIN, {"installment_value": 150}), [])
    f.case("installment_value \"1.5E2\" (exponent, same value)", k, mut(PLAIN, {"installment_value": "1.5E2"}), [])
    f.case("installment_value 0.01 (the minimum)", k, mut(PLAIN, {"installment_value": 0.01}), [])

    # --- 6. dates against today ---
    f.case("due_date yesterday", k, mut(PLAIN, {"due_date": "2026-11-20"}), [E("DUE_DATE_IN_PAST", "due_date")])
    f.case("due_date today", k, mut(PLAIN, {"due_date": "2026-11-21"}), [])
    f.case("due_date 2024-02-29 (real, past)", k, mut(PLAIN, {"due_date": "2024-02-29"}),
           [E("DUE_DATE_IN_PAST", "due_date")])
    f.case("seed due date on its own day", k, PLAIN, [], today="2026-12-31")
    f.case("seed due date one day late", k, PLAIN, [E("DUE_DATE_IN_PAST", "due_date")], today="2027-01-01")

    # --- 7. country-dependent fields ---
    f.case("BRL charge with AR address and a valid CUIT", k,
           mut(PLAIN, {"payer_tax_id": CUIT_OK, "payer_address": AR_ADDRESS}), [])
    f.case("BRL charge with AR address and a DNI", k, mut(PLAIN, {"payer_tax_id": AR_DNI_OK, "payer_address": AR_ADDRESS}), [])
    f.case("BRL charge with AR address and a CPF (checked as AR)", k, mut(PLAIN, {"payer_address": AR_ADDRESS}),
           [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("BRL charge with AR address keeps the Brazilian postal code", k,
           mut(PLAIN, {"payer_tax_id": CUIT_OK, "payer_address": mut(AR_ADDRESS, {"postal_code": "01310-100"})}),
           [E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("BRL charge with US address: any tax id, no postal or state rule", k,
           mut(PLAIN, {"payer_tax_id": "123-45-6789", "payer_address": US_ADDRESS}), [])
    f.case("USD charge without address country: any non-blank tax id, no postal rule", k,
           mut(US_CHARGE, {"payer_tax_id": "anything", "payer_address.country": DEL,
                           "payer_address.postal_code": "not a code"}), [])
    f.case("USD charge with BR address: CPF checked", k,
           mut(PLAIN, {"currency": "USD", "payer_tax_id": CPF_SEED_BAD}), [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("USD charge with BR address and a valid CPF", k, mut(PLAIN, {"currency": "USD"}), [])
    f.case("invalid country falls back to BRL's BR: state checked", k,
           mut(PLAIN, {"payer_address.country": "BRA", "payer_address.state": "XX"}),
           [E("INVALID_COUNTRY", "payer_address.country"), E("INVALID_STATE", "payer_address.state")])
    f.case("invalid country falls back to MXN's MX: RFC and MX postal code", k,
           mut(MX_CHARGE, {"payer_address.country": "MEX"}), [E("INVALID_COUNTRY", "payer_address.country")])
    f.case("invalid country falls back to MXN's MX: Brazilian postal code fails", k,
           mut(MX_CHARGE, {"payer_address.country": "MEX", "payer_address.postal_code": "01310-100"}),
           [E("INVALID_COUNTRY", "payer_address.country"), E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("MXN without address country: MX postal code", k, mut(MX_CHARGE, {"payer_address.country": DEL}), [])
    f.case("MXN without address country: 4-digit postal code", k,
           mut(MX_CHARGE, {"payer_address.country": DEL, "payer_address.postal_code": "6600"}),
           [E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("MXN with a generic RFC", k, mut(MX_CHARGE, {"payer_tax_id": RFC_GENERIC_OK}), [])
    f.case("MXN with a CURP", k, mut(MX_CHARGE, {"payer_tax_id": CURP_OK}), [])
    f.case("MXN with A55's doc CURP GARC850101HDFRRL09", k, mut(MX_CHARGE, {"payer_tax_id": CURP_DOC_BAD}),
           [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("MXN with a CPF", k, mut(MX_CHARGE, {"payer_tax_id": CPF_OK}), [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("MX state is free text", k, mut(MX_CHARGE, {"payer_address.state": "XX"}), [])
    f.case("CLP with a 6-digit postal code", k, mut(CL_CHARGE, {"payer_address.postal_code": "755000"}),
           [E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("CLP with an 8-digit postal code", k, mut(CL_CHARGE, {"payer_address.postal_code": "75500000"}),
           [E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("COP with a NIT", k, mut(CO_CHARGE, {"payer_tax_id": NIT_OK}), [])
    f.case("COP with a wrong NIT check digit", k, mut(CO_CHARGE, {"payer_tax_id": NIT_BAD}),
           [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("COP with a 5-digit postal code", k, mut(CO_CHARGE, {"payer_address.postal_code": "11023"}),
           [E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("PEN with a DNI", k, mut(PE_CHARGE, {"payer_tax_id": PE_DNI_OK}), [])
    # Issue 20: the rules around the check digits (docs/validation.md), at the payload level.
    bad_tax = [E("INVALID_TAX_ID", "payer_tax_id")]
    for name, base, value, issues in [
        ("ARS with a CUIT whose prefix 99 AFIP does not issue", AR_CHARGE, CUIT_PREFIX_99, bad_tax),
        ("BRL with the all-zeros CNPJ", PLAIN, CNPJ_ZEROS, bad_tax),
        ("MXN with a CURP dated 29 February 1900", MX_CHARGE, CURP_1900_0229, bad_tax),
        ("MXN with a CURP dated 29 February 2000", MX_CHARGE, CURP_2000_0229, []),
        ("MXN with a CURP of unknown state XX", MX_CHARGE, CURP_STATE_XX, bad_tax),
        ("MXN with a CURP starting with an inconvenient word", MX_CHARGE, CURP_BAD_WORD, bad_tax),
        ("MXN with a person's RFC starting with an inconvenient word", MX_CHARGE, RFC_BAD_WORD, bad_tax),
        ("COP with a ten-digit NIT without its dash", CO_CHARGE, NIT_TEN_OK, []),
        ("COP with a ten-digit NIT without its dash, wrong check digit", CO_CHARGE, NIT_TEN_BAD, bad_tax),
        ("COP with a NIT written with dashes as separators", CO_CHARGE, NIT_DASHED_OK, []),
        ("PEN with a DNI and its CUI digit", PE_CHARGE, PE_CUI_OK, []),
        ("PEN with a DNI and its CUI letter", PE_CHARGE, PE_CUI_LETTER_OK, []),
        ("PEN with a DNI and a wrong CUI digit", PE_CHARGE, PE_CUI_BAD, bad_tax),
    ]:
        f.case(name, k, mut(base, {"payer_tax_id": value}), issues)
    f.case("PEN with A55's doc RUC 20123456789", k, mut(PE_CHARGE, {"payer_tax_id": RUC_DOC_BAD}),
           [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("PEN with a 4-digit postal code", k, mut(PE_CHARGE, {"payer_address.postal_code": "1507"}),
           [E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("ARS with a 4-digit postal code", k, mut(AR_CHARGE, {"payer_address.postal_code": "1425"}), [])
    f.case("ARS with a 5-digit postal code", k, mut(AR_CHARGE, {"payer_address.postal_code": "14250"}),
           [E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("ARS with a short CPA", k, mut(AR_CHARGE, {"payer_address.postal_code": "C1425DK"}),
           [E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("ARS with A55's doc CUIT 20123456789", k, mut(AR_CHARGE, {"payer_tax_id": CUIT_DOC_BAD}),
           [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("BR postal code without dash", k, mut(PLAIN, {"payer_address.postal_code": "01310100"}), [])
    for bad in ("1310-100", "01310-10", "ABCDE-FGH", "013101000"):
        f.case(f"BR postal code {bad!r}", k, mut(PLAIN, {"payer_address.postal_code": bad}),
               [E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    for good in ("RJ", "DF", "TO"):
        f.case(f"BR state {good}", k, mut(PLAIN, {"payer_address.state": good}), [])
    for bad in ("XX", "sp", "São Paulo"):
        f.case(f"BR state {bad!r}", k, mut(PLAIN, {"payer_address.state": bad}), [E("INVALID_STATE", "payer_address.state")])
    f.case("BR tax id: CNPJ", k, mut(PLAIN, {"payer_tax_id": CNPJ_OK}), [])
    f.case("BR tax id: alphanumeric CNPJ", k, mut(PLAIN, {"payer_tax_id": CNPJ_ALNUM_OK}), [])
    f.case("BR tax id: alphanumeric CNPJ in lower case", k, mut(PLAIN, {"payer_tax_id": CNPJ_ALNUM_LOWER_OK}), [])
    f.case("BR tax id: bare CPF", k, mut(PLAIN, {"payer_tax_id": CPF_BARE_OK}), [])
    f.case("BR tax id: all-equal CPF", k, mut(PLAIN, {"payer_tax_id": CPF_ALL_EQUAL}), [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("BR tax id: A55's doc example 12345678901", k, mut(PLAIN, {"payer_tax_id": CPF_DOC_BAD}),
           [E("INVALID_TAX_ID", "payer_tax_id")])
    f.case("BR tax id: text", k, mut(PLAIN, {"payer_tax_id": "abc"}), [E("INVALID_TAX_ID", "payer_tax_id")])

    # --- 8. charges only: installment_count ---
    for n in (1, 12):
        f.case(f"credit_card installment_count {n}", k, mut(PLAIN, {"installment_count": n}), [])
    for n in (13, 0, -1):
        f.case(f"credit_card installment_count {n}", k, mut(PLAIN, {"installment_count": n}),
               [E("INVALID_INSTALLMENT_COUNT", "installment_count")])
    for tc in ("boleto", "pix", "debit_card"):
        f.case(f"{tc} installment_count 2", k, mut(ONE, {"type_charge": tc, "installment_count": 2}),
               [E("INVALID_INSTALLMENT_COUNT", "installment_count")])
    f.case("type_charge missing: count 12 allowed", k, mut(PLAIN, {"type_charge": DEL, "installment_count": 12}),
           [E("REQUIRED_FIELD", "type_charge")])
    f.case("type_charge missing: count 13", k, mut(PLAIN, {"type_charge": DEL, "installment_count": 13}),
           [E("REQUIRED_FIELD", "type_charge"), E("INVALID_INSTALLMENT_COUNT", "installment_count")])
    f.case("type_charge invalid: count 12 allowed", k, mut(PLAIN, {"type_charge": "bitcoin", "installment_count": 12}),
           [E("INVALID_TYPE_CHARGE", "type_charge")])
    f.case("type_charge invalid: count 13", k, mut(PLAIN, {"type_charge": "bitcoin", "installment_count": 13}),
           [E("INVALID_TYPE_CHARGE", "type_charge"), E("INVALID_INSTALLMENT_COUNT", "installment_count")])
    f.case("installment_count string with boleto (type error only)", k,
           mut(ONE, {"type_charge": "boleto", "installment_count": "2"}), [E("INVALID_TYPE", "installment_count")])

    # --- 8. subscriptions ---
    f.case("subscription with installment_count 3", k, mut(SUB, {"installment_count": 3}),
           [E("INVALID_INSTALLMENT_COUNT", "installment_count")])
    f.case("subscription null: installment_count 3 allowed", k, mut(SUB, {"installment_count": 3, "subscription": None}), [])
    f.case("subscription on a pix charge", k, mut(SUBPLAIN, {"type_charge": "pix"}),
           [E("INVALID_SUBSCRIPTION", "subscription")])
    f.case("subscription on a boleto charge", k, mut(SUBPLAIN, {"type_charge": "boleto"}),
           [E("INVALID_SUBSCRIPTION", "subscription")])
    f.case("subscription on a debit_card charge", k, mut(SUB, {"type_charge": "debit_card"}), [])
    f.case("subscription on a pix charge with 2 installments", k,
           mut(SUBPLAIN, {"type_charge": "pix", "installment_count": 2}),
           [E("INVALID_SUBSCRIPTION", "subscription"), E("INVALID_INSTALLMENT_COUNT", "installment_count")])
    f.case("subscription end_date before due_date", k, mut(SUB, {"subscription.end_date": "2026-12-30"}),
           [E("INVALID_SUBSCRIPTION", "subscription.end_date")])
    f.case("subscription end_date equal to due_date", k, mut(SUB, {"subscription.end_date": "2026-12-31"}), [])
    f.case("subscription without end_date (indefinite)", k, mut(SUB, {"subscription.end_date": DEL}), [])
    f.case("subscription end_date null", k, mut(SUB, {"subscription.end_date": None}), [])
    f.case("subscription end_date not a date", k, mut(SUB, {"subscription.end_date": "2027-02-29"}),
           [E("INVALID_DATE", "subscription.end_date")])
    f.case("subscription end_date before an invalid due_date: only the date error", k,
           mut(SUB, {"due_date": "2026-12-32", "subscription.end_date": "2026-12-01"}), [E("INVALID_DATE", "due_date")])
    f.case("subscription with due_date in the past and end_date after it", k,
           mut(SUB, {"due_date": "2026-11-01", "subscription.end_date": "2026-11-10"}),
           [E("DUE_DATE_IN_PAST", "due_date")])

    # --- 8. card fields ---
    for name in CARD_FIELDS:
        f.case(f"card fields: {name} missing", k, mut(CARD, {name: DEL}), [E("REQUIRED_FIELD", name)])
    f.case("card fields: card_cvv null", k, mut(CARD, {"card_cvv": None}), [E("REQUIRED_FIELD", "card_cvv")])
    f.case("card fields: only card_number sent", k, mut(PLAIN, {"card_number": LUHN_OK_CARD}),
           [E("REQUIRED_FIELD", n) for n in CARD_FIELDS if n != "card_number"])
    f.case("card fields: only card_cvv sent", k, mut(PLAIN, {"card_cvv": "123"}),
           [E("REQUIRED_FIELD", n) for n in CARD_FIELDS if n != "card_cvv"])
    f.case("card_number with 11 digits", k, mut(CARD, {"card_number": "40240071537"}), [E("INVALID_CARD_NUMBER", "card_number")])
    f.case("card_number with 20 digits", k, mut(CARD, {"card_number": "40000000000000000006"}),
           [E("INVALID_CARD_NUMBER", "card_number")])
    f.case("card_number with letters", k, mut(CARD, {"card_number": "4024abcd53763130"}),
           [E("INVALID_CARD_NUMBER", "card_number")])
    f.case("card_number with spaces", k, mut(CARD, {"card_number": "4024 0071 5376 3130"}), [])
    f.case("card_number with dashes", k, mut(CARD, {"card_number": "4024-0071-5376-3130"}), [])
    f.case("card_number 12 digits, Luhn-valid", k, mut(CARD, {"card_number": "400000000002"}), [])
    f.case("card_number 19 digits, Luhn-valid", k, mut(CARD, {"card_number": "4000000000000000006"}), [])
    f.case("card_number 4111111111111112 fails Luhn (warning)", k, mut(CARD, {"card_number": "4111111111111112"}), [CS])
    f.case("card_number Mastercard 5555555555554444", k, mut(CARD, {"card_number": "5555555555554444"}), [])
    f.case("Amex with a 4-digit CVV", k, mut(CARD, {"card_number": AMEX, "card_cvv": "1234"}), [])
    f.case("Amex with a 3-digit CVV", k, mut(CARD, {"card_number": AMEX, "card_cvv": "123"}), [E("INVALID_CVC", "card_cvv")])
    f.case("Amex written with spaces, 4-digit CVV", k, mut(CARD, {"card_number": "3782 822463 10005", "card_cvv": "1234"}), [])
    f.case("Visa with a 4-digit CVV", k, mut(CARD, {"card_cvv": "1234"}), [E("INVALID_CVC", "card_cvv")])
    f.case("Visa with a 2-digit CVV", k, mut(CARD, {"card_cvv": "12"}), [E("INVALID_CVC", "card_cvv")])
    f.case("CVV with a letter", k, mut(CARD, {"card_cvv": "12a"}), [E("INVALID_CVC", "card_cvv")])
    for m in ("1", "01", "9", "09", "10"):
        f.case(f"card_expiry_month {m!r}", k, mut(CARD, {"card_expiry_month": m}), [])
    for m in ("0", "13", "00", "1a"):
        f.case(f"card_expiry_month {m!r}", k, mut(CARD, {"card_expiry_month": m}), [E("INVALID_EXPIRY", "card_expiry_month")])
    for y in ("30", "20300", "2O30"):
        f.case(f"card_expiry_year {y!r}", k, mut(CARD, {"card_expiry_year": y}), [E("INVALID_EXPIRY", "card_expiry_year")])
    f.case("card_expiry_year \"2030\"", k, mut(CARD, {"card_expiry_year": "2030"}), [])
    f.case("card expiry month and year both invalid", k, mut(CARD, {"card_expiry_month": "13", "card_expiry_year": "30"}),
           [E("INVALID_EXPIRY", "card_expiry_month"), E("INVALID_EXPIRY", "card_expiry_year")])
    f.case("card expiring this month is still valid", k, mut(CARD, {"card_expiry_month": "11", "card_expiry_year": "2026"}), [])
    f.case("card expired last month", k, mut(CARD, {"card_expiry_month": "10", "card_expiry_year": "2026"}),
           [E("EXPIRED_CARD", "card_expiry_year")])
    f.case("card expired last year", k, mut(CARD, {"card_expiry_month": "12", "card_expiry_year": "2025"}),
           [E("EXPIRED_CARD", "card_expiry_year")])
    f.case("card 1/2026 expired", k, mut(CARD, {"card_expiry_month": "1", "card_expiry_year": "2026"}),
           [E("EXPIRED_CARD", "card_expiry_year")])
    f.case("card 11/2026 expired once December starts", k,
           mut(CARD, {"card_expiry_month": "11", "card_expiry_year": "2026"}), [E("EXPIRED_CARD", "card_expiry_year")],
           today="2026-12-01")
    f.case("card 11/2026 valid on its last day", k,
           mut(CARD, {"card_expiry_month": "11", "card_expiry_year": "2026"}), [], today="2026-11-30")

    # --- 8. 3DS ---
    f.case("3DS with card fields and no device_info", k, mut(CARD, {"threeds_authentication": True}),
           [E("MISSING_DEVICE_INFO", "device_info")])
    f.case("3DS with card fields and device_info null", k, mut(THREEDS, {"device_info": None}),
           [E("MISSING_DEVICE_INFO", "device_info")])
    f.case("3DS with device_info lacking user_agent", k, mut(THREEDS, {"device_info.user_agent": DEL}),
           [E("MISSING_DEVICE_INFO", "device_info.user_agent")])
    f.case("3DS with device_info lacking ip_address", k, mut(THREEDS, {"device_info.ip_address": DEL}),
           [E("MISSING_DEVICE_INFO", "device_info.ip_address")])
    f.case("3DS with empty ip_address", k, mut(THREEDS, {"device_info.ip_address": ""}),
           [E("MISSING_DEVICE_INFO", "device_info.ip_address")])
    f.case("3DS with device_info empty object", k, mut(THREEDS, {"device_info": {}}),
           [E("MISSING_DEVICE_INFO", "device_info.ip_address"), E("MISSING_DEVICE_INFO", "device_info.user_agent")])
    f.case("3DS with only ip_address and user_agent", k,
           mut(THREEDS, {"device_info": {"ip_address": "203.0.113.7", "user_agent": "Mozilla/5.0"}}), [])
    f.case("3DS without card fields needs no device_info", k, mut(PLAIN, {"threeds_authentication": True}), [])
    f.case("threeds_authentication false with card fields needs no device_info", k,
           mut(CARD, {"threeds_authentication": False}), [])
    f.case("3DS with the seed's test card: warning and missing device_info", k,
           mut(SEED_CARD_CHARGE, {"threeds_authentication": True}), [CS, E("MISSING_DEVICE_INFO", "device_info")])

    # --- combinations ---
    f.case("combination: five format errors", k,
           mut(PLAIN, {"wallet_uuid": "wallet-1", "payer_email": "zhangwei", "payer_cell_phone": "123",
                       "due_date": "2026-11-01", "payer_address.postal_code": "1310"}),
           [E("INVALID_UUID", "wallet_uuid"), E("INVALID_EMAIL", "payer_email"), E("INVALID_PHONE", "payer_cell_phone"),
            E("DUE_DATE_IN_PAST", "due_date"), E("INVALID_POSTAL_CODE", "payer_address.postal_code")])
    f.case("combination: card problems at once", k,
           mut(SEED_CARD_CHARGE, {"card_expiry_month": "13", "card_cvv": "12345", "card_name": DEL,
                                  "installment_count": 13}),
           [CS, E("INVALID_EXPIRY", "card_expiry_month"), E("INVALID_CVC", "card_cvv"), E("REQUIRED_FIELD", "card_name"),
            E("INVALID_INSTALLMENT_COUNT", "installment_count")])
    f.case("combination: subscription problems at once", k,
           mut(SUBPLAIN, {"type_charge": "boleto", "installment_count": 3, "subscription": {"cycle": "daily",
                                                                                          "end_date": "2026-06-30",
                                                                                          "trial": 7}}),
           [E("INVALID_SUBSCRIPTION", "subscription"), E("INVALID_INSTALLMENT_COUNT", "installment_count"),
            E("INVALID_SUBSCRIPTION_CYCLE", "subscription.cycle"), E("INVALID_SUBSCRIPTION", "subscription.end_date"),
            W("UNKNOWN_FIELD", "subscription.trial")])
    f.case("combination: types, presence and warnings", k,
           mut(PLAIN, {"installment_count": "3", "capture": "false", "payer_name": "", "installment_value": "150.005",
                       "payer_address.floor": "3", "extra": True}),
           [E("INVALID_TYPE", "installment_count"), E("INVALID_TYPE", "capture"), E("REQUIRED_FIELD", "payer_name"),
            W("AMOUNT_ROUNDED", "installment_value"), W("UNKNOWN_FIELD", "payer_address.floor"),
            W("UNKNOWN_FIELD", "extra")])
    f.case("combination: address problems at once", k,
           mut(PLAIN, {"payer_tax_id": CPF_SEED_BAD, "payer_address.state": "sp", "payer_address.postal_code": "ABC",
                       "payer_address.city": DEL}),
           [E("INVALID_TAX_ID", "payer_tax_id"), E("INVALID_STATE", "payer_address.state"),
            E("INVALID_POSTAL_CODE", "payer_address.postal_code"), E("REQUIRED_FIELD", "payer_address.city")])
    f.case("combination: 3DS, expiry and URLs", k,
           mut(CARD, {"threeds_authentication": True, "device_info": {"user_agent": "Mozilla/5.0"},
                      "card_expiry_year": "2026", "card_expiry_month": "06", "webhook_url": "http://your-app.com",
                      "redirect_url": "ftp://x"}),
           [E("MISSING_DEVICE_INFO", "device_info.ip_address"), E("EXPIRED_CARD", "card_expiry_year"),
            E("INVALID_URL", "webhook_url"), E("INVALID_REDIRECT_URL", "redirect_url")])
    f.case("payload is an array", k, [PLAIN], [E("INVALID_TYPE", "")])
    f.case("payload is a string", k, json.dumps(PLAIN, ensure_ascii=False), [E("INVALID_TYPE", "")])
    f.case("payload is a boolean", k, False, [E("INVALID_TYPE", "")])
