"""validate(kind, payload, today) vectors: tests/vectors/validate_*.json.

    python3 tests/vectors/generate/gen_validate.py      (needs python-stdnum: pip install python-stdnum)

The spec is docs/validation.md (with docs/issue-codes.md, docs/rules.md). Payloads
start from the exact example requests of the five seed pages (docs/validation.md, "The seeds") and are mutated.

Every case's expected issues are written by hand below, from the rules. As a cross-check of the hand
work (never as the source of a vector), this file also carries its own small re-implementation of
docs/validation.md (`model_validate`), written from the doc alone, and every case must give exactly the
hand-written set. Tax-ID values are computed with the check-digit code here and compared with
python-stdnum. Nothing here imports, calls or reads the SDK.

Deterministic: no randomness, no clock. Output format: tests/vectors/README.md (`function` =
"validate"; each case `{name, args: {kind, payload, today}, ok: [{code, severity, field}]}`, the list
compared as a set). Issues are written sorted by (field, code, severity) so re-runs are byte-identical.

Readings taken where docs/validation.md leaves room (the vectors pin them down):
- Non-numeric text in an amount ("abc", "NaN", "1,50", "true") is AMOUNT_INVALID, not INVALID_TYPE;
  a boolean, array or object amount is INVALID_TYPE.
- AMOUNT_ROUNDED means the value changed: 250.00 as a float, 150, "1.5E2" give no warning.
- A subscription with installment_count != 1 is INVALID_INSTALLMENT_COUNT at installment_count only
  (rule 8), not INVALID_SUBSCRIPTION.
- null on the R* field payer_address.complement is REQUIRED_FIELD; "" is accepted.
- A card field that is present with the wrong type counts as sent (INVALID_TYPE only).
- Keys a kind does not list (type_charge on pix_charge, installment_count on checkout, amount on
  charge, reason on capture) are UNKNOWN_FIELD warnings and are not format-checked; keys inside
  applepay/googlepay are not checked; items[i] objects are.
- redirect_url follows the same URL rule as webhook_url/cancel_url, loopback http included
  (docs/validation.md).
- Only payer_address.postal_code/state are country-checked; shipping_address only gets its country
  code checked.
- A payload that is not a JSON object (array, string, number, boolean) is one INVALID_TYPE at "".
Deliberately left without vectors (the doc does not decide them): "" or "   " on optional fields,
whitespace-only complement, whether AMOUNT_ROUNDED accompanies an AMOUNT_INVALID caused by rounding
(999999999.995, CLP 0.9), subscription with a missing/invalid type_charge, wrong-typed or empty
allowed_methods entries, 3DS with a wrong-typed device_info/ip_address, Amex CVV when the number is
malformed, https to an IP literal outside loopback, upper-case URL schemes, enum case other than
cycle/state/country, text length limits (INVALID_VALUE for long text), null as the whole payload.
"""

from __future__ import annotations

import copy
import datetime
import json
import os
import re
import sys
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree

VECTORS_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TODAY = "2026-11-21"

# ---------------------------------------------------------------------------------------------------
# Reference data (docs/validation.md, docs/rules.md)
# ---------------------------------------------------------------------------------------------------

# ISO 3166-1 alpha-2, officially assigned codes (249). Checked against python-stdnum's copy below.
ISO_3166_1_ALPHA2 = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ
EC EE EG EH ER ES ET
FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT
JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ
OM
PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA
RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
UA UG UM US UY UZ
VA VC VE VG VI VN VU
WF WS
YE YT
ZA ZM ZW
""".split())
assert len(ISO_3166_1_ALPHA2) == 249

BR_UFS = frozenset("AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".split())
assert len(BR_UFS) == 27

TYPE_CHARGES = ("credit_card", "debit_card", "boleto", "pix", "spei", "oxxo", "e_wallet", "qra", "pfc",
                "applepay", "googlepay")
CYCLES = ("weekly", "biweekly", "monthly", "quarterly", "semiannually", "yearly")
SALES_CHANNELS = ("web", "app", "pos", "marketplace", "link", "subscription", "api")
WALLET_CURRENCIES = ("BRL", "MXN", "CLP", "ARS")
CHARGE_CURRENCIES = ("BRL", "MXN", "CLP", "COP", "PEN", "ARS", "USD")
PIX_CURRENCIES = ("BRL",)
CURRENCY_EXPONENT = {"BRL": 2, "MXN": 2, "USD": 2, "PEN": 2, "ARS": 2, "EUR": 2, "CLP": 0, "COP": 0}
CURRENCY_COUNTRY = {"BRL": "BR", "MXN": "MX", "CLP": "CL", "COP": "CO", "PEN": "PE", "ARS": "AR"}
MAX_AMOUNT = Decimal("999999999.99")
CARD_FIELDS = ("card_number", "card_name", "card_expiry_month", "card_expiry_year", "card_cvv")

# ---------------------------------------------------------------------------------------------------
# Tax IDs (docs/rules.md "Tax IDs"), own implementation
# ---------------------------------------------------------------------------------------------------


def _clean_tax(v: str) -> str:
    return re.sub(r"[.\-/ ]", "", v).upper()


def cpf_digits(d9: str) -> str:
    s = sum(int(c) * w for c, w in zip(d9, range(10, 1, -1)))
    r = s % 11
    d1 = 0 if r < 2 else 11 - r
    s = sum(int(c) * w for c, w in zip(d9 + str(d1), range(11, 1, -1)))
    r = s % 11
    d2 = 0 if r < 2 else 11 - r
    return f"{d1}{d2}"


def cnpj_digits(c12: str) -> str:
    v = [ord(c) - 48 for c in c12]
    w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
    r = sum(a * b for a, b in zip(v, w1)) % 11
    d1 = 0 if r < 2 else 11 - r
    w2 = [6] + w1
    r = sum(a * b for a, b in zip(v + [d1], w2)) % 11
    d2 = 0 if r < 2 else 11 - r
    return f"{d1}{d2}"


def rut_digit(body: str) -> str:
    s = sum(int(c) * (2 + i % 6) for i, c in enumerate(reversed(body)))
    r = 11 - s % 11
    return "0" if r == 11 else "K" if r == 10 else str(r)


def cuit_digit(d10: str) -> int | None:
    r = 11 - sum(int(c) * w for c, w in zip(d10, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11
    return 0 if r == 11 else None if r == 10 else r


CURP_ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_digit(c17: str) -> int:
    s = sum(CURP_ALPHABET.index(c) * (18 - i) for i, c in enumerate(c17))
    return (10 - s % 10) % 10


def nit_digit(body: str) -> int:
    w = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]
    r = sum(int(c) * w[i] for i, c in enumerate(reversed(body))) % 11
    return r if r < 2 else 11 - r


def ruc_digit(d10: str) -> int:
    return (11 - sum(int(c) * w for c, w in zip(d10, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11) % 10


def _real_yymmdd(s: str) -> bool:
    try:
        datetime.date(2000 + int(s[0:2]), int(s[2:4]), int(s[4:6]))
        return True
    except ValueError:
        return False


def tax_id_ok(value: str, country: str) -> bool:
    v = _clean_tax(value)
    if country == "BR":
        if re.fullmatch(r"[0-9]{11}", v):
            return len(set(v)) > 1 and v[9:] == cpf_digits(v[:9])
        if re.fullmatch(r"[0-9A-Z]{12}[0-9]{2}", v):
            return v[12:] == cnpj_digits(v[:12])
        return False
    if country == "CL":
        return bool(re.fullmatch(r"[0-9]{7,8}[0-9K]", v)) and v[-1] == rut_digit(v[:-1])
    if country == "AR":
        if re.fullmatch(r"[0-9]{11}", v):
            d = cuit_digit(v[:10])
            return d is not None and int(v[10]) == d
        return bool(re.fullmatch(r"[0-9]{7,8}", v))
    if country == "MX":
        m = re.fullmatch(r"[A-ZÑ&]{3,4}([0-9]{6})[A-Z0-9]{3}", v)
        if m:
            return _real_yymmdd(m.group(1))
        m = re.fullmatch(r"[A-Z]{4}([0-9]{6})[HMX][A-Z]{5}[0-9A-Z][0-9]", v)
        if m:
            return _real_yymmdd(m.group(1)) and int(v[17]) == curp_digit(v[:17])
        return False
    if country == "CO":
        raw = value.strip()
        if "-" in raw:  # NIT: dash before the check digit
            body, _, check = raw.rpartition("-")
            body = re.sub(r"[. ]", "", body)
            return bool(re.fullmatch(r"[0-9]{5,15}", body)) and check.isdigit() and len(check) == 1 \
                and int(check) == nit_digit(body)
        return bool(re.fullmatch(r"[0-9]{6,10}", v))
    if country == "PE":
        if re.fullmatch(r"[0-9]{8}", v):
            return True
        return bool(re.fullmatch(r"(10|15|17|20)[0-9]{9}", v)) and int(v[10]) == ruc_digit(v[:10])
    return value.strip() != ""  # any other country: non-blank


# The values the vectors use, with the verdict worked out from the check-digit code (printed by hand
# first: CPF 123456789 → 09; CNPJ 112223330001 → 81, 12ABC34501DE → 35; RUT 12345678 → 5,
# 10000013 → K, 7654321 → 6; CUIT 2012345678 → 6; CURP GARC850101HDFRRL0 → 5; NIT 900373115 → 3;
# RUC 2013131295 → 5).
CPF_OK = "123.456.789-09"
CPF_BARE_OK = "12345678909"
CPF_SEED_BAD = "111.222.333-44"
CPF_ALL_EQUAL = "111.111.111-11"
CPF_DOC_BAD = "12345678901"
CNPJ_OK = "11.222.333/0001-81"
CNPJ_ALNUM_OK = "12.ABC.345/01DE-35"
CNPJ_ALNUM_LOWER_OK = "12.abc.345/01de-35"
RUT_OK = "12.345.678-5"
RUT_K_OK = "10.000.013-K"
RUT_7_OK = "7654321-6"
RUT_BAD = "12.345.678-9"
CUIT_OK = "20-12345678-6"
CUIT_DOC_BAD = "20123456789"
AR_DNI_OK = "12345678"
RFC_GENERIC_OK = "XAXX010101000"
RFC_PERSON_OK = "GODE561231GR8"
CURP_OK = "GARC850101HDFRRL05"
CURP_DOC_BAD = "GARC850101HDFRRL09"
NIT_OK = "900373115-3"
NIT_BAD = "900373115-4"
CO_CC_OK = "1020304050"
RUC_OK = "20131312955"
RUC_DOC_BAD = "20123456789"
PE_DNI_OK = "12345678"

TAX_TABLE = [  # (value, country, valid)
    (CPF_OK, "BR", True), (CPF_BARE_OK, "BR", True), (CPF_SEED_BAD, "BR", False),
    (CPF_ALL_EQUAL, "BR", False), (CPF_DOC_BAD, "BR", False), (CNPJ_OK, "BR", True),
    (CNPJ_ALNUM_OK, "BR", True), (CNPJ_ALNUM_LOWER_OK, "BR", True), ("abc", "BR", False),
    (RUT_OK, "CL", True), (RUT_K_OK, "CL", True), (RUT_7_OK, "CL", True), (RUT_BAD, "CL", False),
    (CUIT_OK, "AR", True), (CUIT_DOC_BAD, "AR", False), (AR_DNI_OK, "AR", True), (CPF_OK, "AR", False),
    (RFC_GENERIC_OK, "MX", True), (RFC_PERSON_OK, "MX", True), (CURP_OK, "MX", True),
    (CURP_DOC_BAD, "MX", False), (NIT_OK, "CO", True), (NIT_BAD, "CO", False), (CO_CC_OK, "CO", True),
    (RUC_OK, "PE", True), (RUC_DOC_BAD, "PE", False), (PE_DNI_OK, "PE", True),
]


def check_tax_table() -> None:
    """Own verdicts must match the table, and python-stdnum must agree (second opinion)."""
    from stdnum import isin as sn_isin
    from stdnum.ar import cuit as sn_cuit
    from stdnum.ar import dni as sn_ar_dni
    from stdnum.br import cnpj as sn_cnpj
    from stdnum.br import cpf as sn_cpf
    from stdnum.cl import rut as sn_rut
    from stdnum.co import nit as sn_nit
    from stdnum.mx import curp as sn_curp
    from stdnum.mx import rfc as sn_rfc
    from stdnum.pe import cui as sn_cui
    from stdnum.pe import ruc as sn_ruc

    assert ISO_3166_1_ALPHA2 == set(sn_isin._iso_3116_1_country_codes) - {"AN", "CS"}

    def stdnum_verdict(value: str, country: str) -> bool:
        if country == "BR":
            if sn_cpf.is_valid(value):
                # stdnum accepts all-equal CPFs other than zeros; the contract rejects them.
                return len(set(sn_cpf.compact(value))) > 1
            return sn_cnpj.is_valid(value.upper())
        if country == "CL":
            return sn_rut.is_valid(value)
        if country == "AR":
            return sn_cuit.is_valid(value) or sn_ar_dni.is_valid(value)
        if country == "MX":
            return sn_rfc.is_valid(value) or sn_curp.is_valid(value)
        if country == "CO":
            return sn_nit.is_valid(value) if "-" in value else bool(re.fullmatch(r"[0-9]{6,10}", value))
        if country == "PE":
            return sn_ruc.is_valid(value) or sn_cui.is_valid(value)
        raise AssertionError(country)

    for value, country, valid in TAX_TABLE:
        assert tax_id_ok(value, country) == valid, (value, country)
        assert stdnum_verdict(value, country) == valid, ("stdnum disagrees", value, country)


# ---------------------------------------------------------------------------------------------------
# Amounts (docs/rules.md "Money"; tests/vectors/README.md "Amounts")
# ---------------------------------------------------------------------------------------------------

AMOUNT_TEXT = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")


def read_amount(v: Any) -> Decimal | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):
        return Decimal(repr(v))  # the float's shortest round-trip text
    if isinstance(v, str) and AMOUNT_TEXT.fullmatch(v):
        return Decimal(v)
    return None


def normalize(d: Decimal, exponent: int) -> Decimal:
    if exponent == 0:
        return d.quantize(Decimal(1), rounding=ROUND_DOWN)
    return d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------------------------------
# Luhn and Amex (docs/rules.md "Cards")
# ---------------------------------------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


assert luhn_ok("4024007153763130") and not luhn_ok("4024007153763191") and luhn_ok("378282246310005")
assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")


def card_digits(v: str) -> str | None:
    d = re.sub(r"[ \-]", "", v)
    return d if re.fullmatch(r"[0-9]{12,19}", d) else None


# ---------------------------------------------------------------------------------------------------
# Formats (docs/validation.md rule 4)
# ---------------------------------------------------------------------------------------------------

UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def date_of(s: str) -> datetime.date | None:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s):
        return None
    try:
        return datetime.date(int(s[0:4]), int(s[5:7]), int(s[8:10]))
    except ValueError:
        return None


def email_ok(s: str) -> bool:
    return len(s) <= 254 and bool(re.fullmatch(r"[^@\s]+@([^@\s.]+\.)+[^@\s.]+", s))


def phone_ok(s: str) -> bool:
    if not re.fullmatch(r"\+?[0-9 .\-()]+", s):
        return False
    return 10 <= sum(c.isdigit() for c in s) <= 15


def _loopback(host: str) -> bool:
    if host in ("localhost", "[::1]"):
        return True
    m = re.fullmatch(r"127\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})", host)
    return bool(m) and all(int(x) <= 255 for x in m.groups())


def url_ok(s: str) -> bool:
    if any(c.isspace() for c in s):
        return False
    m = re.fullmatch(r"(https?)://([^/?#]*)([/?#].*)?", s)
    if not m:
        return False
    scheme, authority = m.group(1), m.group(2)
    if "@" in authority or authority == "":
        return False
    if authority.startswith("["):
        host = authority[: authority.find("]") + 1] if "]" in authority else authority
        rest = authority[len(host):]
    else:
        host, _, port = authority.partition(":")
        rest = ":" + port if port else ""
    if rest and not re.fullmatch(r":[0-9]{1,5}", rest):
        return False
    if _loopback(host):
        return True
    if scheme == "http":
        return False
    labels = host.split(".")
    return len(labels) >= 2 and all(re.fullmatch(r"[A-Za-z0-9-]+", lb) for lb in labels)


POSTAL = {
    "BR": re.compile(r"[0-9]{5}-?[0-9]{3}"),
    "MX": re.compile(r"[0-9]{5}"),
    "CL": re.compile(r"[0-9]{7}"),
    "CO": re.compile(r"[0-9]{6}"),
    "PE": re.compile(r"[0-9]{5}"),
    "AR": re.compile(r"[0-9]{4}|[A-Z][0-9]{4}[A-Z]{3}"),
}

# ---------------------------------------------------------------------------------------------------
# Field specs (docs/validation.md "Kinds and their fields")
# ---------------------------------------------------------------------------------------------------

R, RS, O = "R", "R*", "O"  # required / required but may be "" / optional

ADDRESS_CHARGE = {"street": (R, "text"), "address_number": (R, "text"), "complement": (RS, "text"),
                  "neighborhood": (R, "text"), "city": (R, "text"), "state": (R, "text"),
                  "postal_code": (R, "text"), "country": (O, "country")}
ADDRESS_PIX = {"street": (R, "text"), "address_number": (O, "text"), "complement": (O, "text"),
               "neighborhood": (O, "text"), "city": (R, "text"), "state": (R, "text"),
               "postal_code": (R, "text"), "country": (O, "country")}
ADDRESS_SHIPPING = {k: (O, t) for k, (_, t) in ADDRESS_CHARGE.items()}
DEVICE_INFO = {**{k: (O, "text") for k in ("ip_address", "user_agent", "device_id", "session_id",
                                           "http_accept_content", "http_accept_browser_value",
                                           "http_browser_language")},
               "http_browser_java_enabled": (O, "bool"), "http_browser_javascript_enabled": (O, "bool"),
               **{k: (O, "textnum") for k in ("http_browser_color_depth", "http_browser_screen_height",
                                              "http_browser_screen_width",
                                              "http_browser_time_difference")}}
ANTIFRAUD = {"sales_channel": (O, "sales_channel"), "cardholder_logged_in": (O, "bool"),
             **{k: (O, "int") for k in ("cardholder_since_days", "purchase_history",
                                        "days_since_last_purchase_merchant",
                                        "days_since_first_purchase_cardholder")}}
SUBSCRIPTION = {"cycle": (R, "cycle"), "end_date": (O, "date")}
ITEM = {**{k: (O, "text") for k in ("name", "description", "sku", "code", "img")},
        "quantity": (O, "int"), "total_amount": (O, "textnum"), "unit_amount": (O, "textnum")}

SPECS: dict[str, dict[str, tuple[str, Any]]] = {
    "wallet": {"entity_uuid": (R, "uuid"), "customer_id": (R, "text"), "currency": (R, "currency"),
               "name": (R, "text"), "email": (R, "email"), "create_credentials": (R, "bool"),
               "merchant_uuid": (O, "uuid")},
    "charge": {"wallet_uuid": (R, "uuid"), "merchant_id": (R, "uuid"), "payer_name": (R, "text"),
               "payer_email": (R, "email"), "payer_tax_id": (R, "text"), "payer_cell_phone": (R, "phone"),
               "installment_value": (R, "amount"), "installment_count": (R, "int"),
               "currency": (R, "currency"), "due_date": (R, "date"), "description": (R, "text"),
               "type_charge": (R, "type_charge"), "payer_address": (R, ("obj", ADDRESS_CHARGE)),
               "webhook_url": (O, "url"), "redirect_url": (O, "redirect_url"),
               "reference_external_id": (O, "text"), "is_async": (O, "bool"),
               "shipping_address": (O, ("obj", ADDRESS_SHIPPING)),
               **{k: (O, "text") for k in CARD_FIELDS},
               "capture": (O, "bool"), "threeds_authentication": (O, "bool"),
               "device_info": (O, ("obj", DEVICE_INFO)), "antifraud_info": (O, ("obj", ANTIFRAUD)),
               "subscription": (O, ("obj", SUBSCRIPTION)), "items": (O, ("items", ITEM)),
               "applepay": (O, "anyobj"), "googlepay": (O, "anyobj")},
    "pix_charge": {"wallet_uuid": (R, "uuid"), "merchant_id": (R, "uuid"), "payer_name": (R, "text"),
                   "payer_email": (R, "email"), "payer_tax_id": (R, "text"),
                   "payer_cell_phone": (R, "phone"), "amount": (R, "amount"), "currency": (R, "currency"),
                   "due_date": (R, "date"), "description": (R, "text"),
                   "payer_address": (R, ("obj", ADDRESS_PIX)), "webhook_url": (O, "url"),
                   "reference_external_id": (O, "text")},
    "checkout": {"wallet_uuid": (R, "uuid"), "merchant_id": (R, "uuid"), "amount": (R, "amount"),
                 "currency": (R, "currency"), "description": (R, "text"), "redirect_url": (R, "redirect_url"),
                 "due_date": (R, "date"), "cancel_url": (O, "url"), "payer_email": (O, "email"),
                 "allowed_methods": (O, "methods"), "max_installments": (O, "int"), "webhook_url": (O, "url"),
                 "reference_external_id": (O, "text"), "is_checkout": (O, "bool")},
    "refund": {"charge_uuid": (R, "uuid"), "wallet_uuid": (R, "uuid"), "amount": (O, "amount"),
               "reason": (O, "text")},
    "capture": {"charge_uuid": (R, "uuid"), "wallet_uuid": (R, "uuid"), "amount": (O, "amount")},
}
KIND_CURRENCIES = {"wallet": WALLET_CURRENCIES, "charge": CHARGE_CURRENCIES, "pix_charge": PIX_CURRENCIES,
                   "checkout": CHARGE_CURRENCIES}

# ---------------------------------------------------------------------------------------------------
# The model: docs/validation.md, rule by rule (a cross-check of the hand-written expectations)
# ---------------------------------------------------------------------------------------------------


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _type_ok(t: Any, v: Any) -> bool:
    if isinstance(t, tuple):
        return isinstance(v, list) if t[0] == "items" else isinstance(v, dict)
    if t == "amount":
        return _is_number(v) or isinstance(v, str)
    if t == "int":
        return _is_number(v) and float(v).is_integer()
    if t == "bool":
        return isinstance(v, bool)
    if t == "anyobj":
        return isinstance(v, dict)
    if t == "methods":
        return isinstance(v, list)
    if t == "textnum":
        return isinstance(v, str) or _is_number(v)
    return isinstance(v, str)  # every text-like field


def _present(v: Any) -> bool:
    return v is not None


class Model:
    def __init__(self, kind: str):
        self.kind = kind
        self.issues: set[tuple[str, str, str]] = set()

    def add(self, code: str, field: str, severity: str = "error") -> None:
        self.issues.add((code, severity, field))

    def fields(self, obj: dict, spec: dict, prefix: str) -> dict[str, Any]:
        """Rules 1-4 on one object; returns the values that passed presence and type."""
        good: dict[str, Any] = {}
        for name, (presence, t) in spec.items():
            path = prefix + name
            v = obj.get(name)
            if v is None:
                if presence in (R, RS):
                    self.add("REQUIRED_FIELD", path)
                continue
            if presence == R and isinstance(v, str) and v.strip() == "":
                self.add("REQUIRED_FIELD", path)
                continue
            if not _type_ok(t, v):
                self.add("INVALID_TYPE", path)
                continue
            good[name] = v
            self.format(t, v, path)
        for key in obj:
            if key not in spec:
                self.add("UNKNOWN_FIELD", prefix + key, "warning")
        return good

    def format(self, t: Any, v: Any, path: str) -> None:
        if isinstance(t, tuple):
            if t[0] == "obj":
                self.sub[path] = self.fields(v, t[1], path + ".")
            else:
                for i, item in enumerate(v):
                    if not isinstance(item, dict):
                        self.add("INVALID_TYPE", f"{path}[{i}]")
                    else:
                        self.fields(item, t[1], f"{path}[{i}].")
            return
        if t == "uuid" and not UUID_RE.fullmatch(v):
            self.add("INVALID_UUID", path)
        elif t == "date" and date_of(v) is None:
            self.add("INVALID_DATE", path)
        elif t == "email" and not email_ok(v):
            self.add("INVALID_EMAIL", path)
        elif t == "phone" and not phone_ok(v):
            self.add("INVALID_PHONE", path)
        elif t == "url" and not url_ok(v):
            self.add("INVALID_URL", path)
        elif t == "redirect_url" and not url_ok(v):
            self.add("INVALID_REDIRECT_URL", path)
        elif t == "type_charge" and v not in TYPE_CHARGES:
            self.add("INVALID_TYPE_CHARGE", path)
        elif t == "country" and v not in ISO_3166_1_ALPHA2:
            self.add("INVALID_COUNTRY", path)
        elif t == "cycle" and v not in CYCLES:
            self.add("INVALID_SUBSCRIPTION_CYCLE", path)
        elif t == "sales_channel" and v not in SALES_CHANNELS:
            self.add("INVALID_VALUE", path)
        elif t == "methods":
            for i, m in enumerate(v):
                if not isinstance(m, str):
                    self.add("INVALID_TYPE", f"{path}[{i}]")
                elif m not in TYPE_CHARGES:
                    self.add("INVALID_ALLOWED_METHOD", f"{path}[{i}]")

    def run(self, payload: Any, today: str) -> set[tuple[str, str, str]]:
        if not isinstance(payload, dict):
            self.add("INVALID_TYPE", "")
            return self.issues
        self.sub: dict[str, dict[str, Any]] = {}
        good = self.fields(payload, SPECS[self.kind], "")
        kind = self.kind

        # 5. currency and amount
        cur = None
        if kind in KIND_CURRENCIES and "currency" in good:
            if good["currency"] in KIND_CURRENCIES[kind]:
                cur = good["currency"]
            else:
                self.add("CURRENCY_NOT_SUPPORTED", "currency")
        amount_field = "installment_value" if kind == "charge" else "amount"
        if amount_field in good:
            d = read_amount(good[amount_field])
            exponent = CURRENCY_EXPONENT[cur] if cur else 2
            if d is None:
                self.add("AMOUNT_INVALID", amount_field)
            else:
                n = normalize(d, exponent)
                if n <= 0 or n > MAX_AMOUNT:
                    self.add("AMOUNT_INVALID", amount_field)
                elif n != d and (cur or kind in ("refund", "capture")):
                    self.add("AMOUNT_ROUNDED", amount_field, "warning")

        # 6. dates against today
        due = date_of(good["due_date"]) if "due_date" in good else None
        if due is not None and due < datetime.date.fromisoformat(today):
            self.add("DUE_DATE_IN_PAST", "due_date")

        # 7. country-dependent fields
        if kind in ("charge", "pix_charge"):
            addr = self.sub.get("payer_address", {})
            country = addr.get("country") if addr.get("country") in ISO_3166_1_ALPHA2 else None
            if country is None and cur is not None:
                country = CURRENCY_COUNTRY.get(cur)
            if country is not None and "payer_tax_id" in good and not tax_id_ok(good["payer_tax_id"], country):
                self.add("INVALID_TAX_ID", "payer_tax_id")
            if country in POSTAL and "postal_code" in addr and not POSTAL[country].fullmatch(addr["postal_code"]):
                self.add("INVALID_POSTAL_CODE", "payer_address.postal_code")
            if country == "BR" and "state" in addr and addr["state"] not in BR_UFS:
                self.add("INVALID_STATE", "payer_address.state")

        # 8. charges only
        if kind == "charge":
            tc = good.get("type_charge") if good.get("type_charge") in TYPE_CHARGES else None
            has_sub = _present(payload.get("subscription"))
            if "installment_count" in good:
                n = good["installment_count"]
                if has_sub or (tc is not None and tc != "credit_card"):
                    if n != 1:
                        self.add("INVALID_INSTALLMENT_COUNT", "installment_count")
                elif not 1 <= n <= 12:
                    self.add("INVALID_INSTALLMENT_COUNT", "installment_count")
            if has_sub:
                if tc is not None and tc not in ("credit_card", "debit_card"):
                    self.add("INVALID_SUBSCRIPTION", "subscription")
                sub = self.sub.get("subscription", {})
                end = date_of(sub["end_date"]) if "end_date" in sub else None
                if end is not None and due is not None and end < due:
                    self.add("INVALID_SUBSCRIPTION", "subscription.end_date")
            sent = [f for f in CARD_FIELDS if _present(payload.get(f))]
            if sent:
                for f in CARD_FIELDS:
                    if not _present(payload.get(f)):
                        self.add("REQUIRED_FIELD", f)
                amex = False
                if "card_number" in good:
                    digits = card_digits(good["card_number"])
                    if digits is None:
                        self.add("INVALID_CARD_NUMBER", "card_number")
                    else:
                        amex = digits[:2] in ("34", "37")
                        if not luhn_ok(digits):
                            self.add("CARD_NUMBER_CHECKSUM", "card_number", "warning")
                month = good.get("card_expiry_month")
                year = good.get("card_expiry_year")
                month_ok = month is not None and re.fullmatch(r"0?[1-9]|1[0-2]", month)
                year_ok = year is not None and re.fullmatch(r"[0-9]{4}", year)
                if month is not None and not month_ok:
                    self.add("INVALID_EXPIRY", "card_expiry_month")
                if year is not None and not year_ok:
                    self.add("INVALID_EXPIRY", "card_expiry_year")
                if month_ok and year_ok:
                    t = datetime.date.fromisoformat(today)
                    if (int(year), int(month)) < (t.year, t.month):
                        self.add("EXPIRED_CARD", "card_expiry_year")
                if "card_cvv" in good and not re.fullmatch(r"[0-9]{4}" if amex else r"[0-9]{3}", good["card_cvv"]):
                    self.add("INVALID_CVC", "card_cvv")
                if good.get("threeds_authentication") is True:
                    di = payload.get("device_info")
                    if di is None:
                        self.add("MISSING_DEVICE_INFO", "device_info")
                    elif isinstance(di, dict):
                        for k in ("ip_address", "user_agent"):
                            if not isinstance(di.get(k), str) or di[k].strip() == "":
                                self.add("MISSING_DEVICE_INFO", f"device_info.{k}")

        # 9. checkout only
        if kind == "checkout" and "max_installments" in good and not 1 <= good["max_installments"] <= 12:
            self.add("INVALID_INSTALLMENT_COUNT", "max_installments")
        return self.issues


def model_validate(kind: str, payload: Any, today: str) -> set[tuple[str, str, str]]:
    return Model(kind).run(payload, today)


# ---------------------------------------------------------------------------------------------------
# Case collection
# ---------------------------------------------------------------------------------------------------

DEL = object()  # marks a key to delete in `mut`


def E(code: str, field: str) -> tuple[str, str, str]:
    return (code, "error", field)


def W(code: str, field: str) -> tuple[str, str, str]:
    return (code, "warning", field)


def _set_path(obj: Any, path: str, value: Any) -> None:
    parts = re.findall(r"[^.\[\]]+|\[[0-9]+\]", path)
    cur = obj
    for p in parts[:-1]:
        cur = cur[int(p[1:-1])] if p.startswith("[") else cur[p]
    last = parts[-1]
    if last.startswith("["):
        cur[int(last[1:-1])] = value
    elif value is DEL:
        del cur[last]
    else:
        cur[last] = value


def mut(base: Any, changes: dict[str, Any] | None = None) -> Any:
    """A deep copy of `base` with dotted-path changes applied (DEL deletes a key)."""
    out = copy.deepcopy(base)
    for path, value in (changes or {}).items():
        _set_path(out, path, value if value is DEL else copy.deepcopy(value))
    return out


class File:
    def __init__(self, stem: str, description: str):
        self.stem = stem
        self.description = description
        self.cases: list[dict[str, Any]] = []
        self.names: set[str] = set()

    def case(self, name: str, kind: str, payload: Any, expected: list[tuple[str, str, str]],
             today: str = TODAY) -> None:
        if name in self.names:
            raise AssertionError(f"{self.stem}: duplicate case name {name!r}")
        self.names.add(name)
        hand = set(expected)
        assert len(hand) == len(expected), f"{self.stem}/{name}: duplicate expected issue"
        computed = model_validate(kind, payload, today)
        if computed != hand:
            raise AssertionError(
                f"{self.stem}/{name}: hand-written {sorted(hand)} but the model gives {sorted(computed)}")
        issues = [{"code": c, "severity": s, "field": f} for c, s, f in sorted(hand, key=lambda x: (x[2], x[0], x[1]))]
        self.cases.append({"name": name, "args": {"kind": kind, "payload": payload, "today": today},
                           "ok": issues})

    def write(self) -> int:
        doc = {"function": "validate", "description": self.description, "cases": self.cases}
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        assert json.loads(text) == doc  # floats stay floats, integers stay integers
        with open(os.path.join(VECTORS_DIR, f"{self.stem}.json"), "w", encoding="utf-8") as f:
            f.write(text)
        return len(self.cases)


# ---------------------------------------------------------------------------------------------------
# The seeds' example requests, exactly as on the seed pages (docs/validation.md, "The seeds")
# ---------------------------------------------------------------------------------------------------

SEED_CHECKOUT = {  # 000
    "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    "merchant_id": "11111111-1111-1111-1111-111111111111",
    "amount": 250.00,
    "currency": "BRL",
    "description": "高级计划——月度",
    "redirect_url": "https://your-app.com/payment/success",
    "cancel_url": "https://your-app.com/payment/cancel",
    "due_date": "2026-12-31",
    "payer_email": "zhangwei@example.com",
    "allowed_methods": ["credit_card", "pix"],
    "max_installments": 6,
    "webhook_url": "https://your-app.com/webhooks/a55",
    "reference_external_id": "ORDER-2048",
}

SEED_CARD_CHARGE = {  # 001
    "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    "merchant_id": "11111111-1111-1111-1111-111111111111",
    "payer_name": "张伟",
    "payer_email": "zhangwei@example.com",
    "payer_tax_id": "123.456.789-09",
    "payer_cell_phone": "+5511999999999",
    "installment_value": 150.00,
    "installment_count": 3,
    "currency": "BRL",
    "due_date": "2026-12-31",
    "description": "订单 #42——3 期分期",
    "type_charge": "credit_card",
    "card_number": "4024007153763191",
    "card_name": "张伟",
    "card_expiry_month": "12",
    "card_expiry_year": "2030",
    "card_cvv": "123",
    "capture": True,
    "webhook_url": "https://your-app.com/webhooks/a55",
    "payer_address": {
        "street": "Av. Paulista",
        "address_number": "1000",
        "complement": "Sala 101",
        "neighborhood": "Bela Vista",
        "city": "São Paulo",
        "state": "SP",
        "postal_code": "01310-100",
        "country": "BR",
    },
}

SEED_PIX = {  # 002
    "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    "merchant_id": "11111111-1111-1111-1111-111111111111",
    "payer_name": "王芳",
    "payer_email": "wangfang@example.com",
    "payer_tax_id": "111.222.333-44",
    "payer_cell_phone": "+5521977777777",
    "amount": 149.90,
    "currency": "BRL",
    "due_date": "2026-12-31",
    "description": "订单 #100——PIX",
    "webhook_url": "https://your-app.com/webhooks/a55",
    "payer_address": {
        "street": "Av. Rio Branco",
        "address_number": "200",
        "complement": "Sala 301",
        "neighborhood": "Centro",
        "city": "Rio de Janeiro",
        "state": "RJ",
        "postal_code": "20040-002",
        "country": "BR",
    },
}

SEED_SUBSCRIPTION = {  # 003
    "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    "merchant_id": "11111111-1111-1111-1111-111111111111",
    "payer_name": "张伟",
    "payer_email": "zhangwei@example.com",
    "payer_tax_id": "123.456.789-09",
    "payer_cell_phone": "+5511999999999",
    "installment_value": 49.90,
    "installment_count": 1,
    "currency": "BRL",
    "due_date": "2026-12-31",
    "description": "高级计划——月度订阅",
    "type_charge": "credit_card",
    "card_number": "4024007153763191",
    "card_name": "张伟",
    "card_expiry_month": "12",
    "card_expiry_year": "2030",
    "card_cvv": "123",
    "subscription": {
        "cycle": "monthly",
        "end_date": "2027-12-31",
    },
    "webhook_url": "https://your-app.com/webhooks/a55",
    "payer_address": {
        "street": "Av. Paulista",
        "address_number": "1000",
        "complement": "Sala 101",
        "neighborhood": "Bela Vista",
        "city": "São Paulo",
        "state": "SP",
        "postal_code": "01310-100",
        "country": "BR",
    },
}

SEED_WALLET = {  # 004
    "entity_uuid": "550e8400-e29b-41d4-a716-446655440000",
    "customer_id": "cust_12345",
    "currency": "BRL",
    "name": "圣保罗门店——BRL",
    "email": "financeiro@loja-sp.com.br",
    "create_credentials": True,
    "merchant_uuid": "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
}

SEED_WALLET_MULTI_BRL = {  # 004, "完整示例——多币种设置"
    "entity_uuid": "550e8400-e29b-41d4-a716-446655440000",
    "customer_id": "cust_12345",
    "currency": "BRL",
    "name": "拉美商店——BRL",
    "email": "finance@latamstore.com",
    "create_credentials": True,
}
SEED_WALLET_MULTI_MXN = {
    "entity_uuid": "550e8400-e29b-41d4-a716-446655440000",
    "customer_id": "cust_12345",
    "currency": "MXN",
    "name": "拉美商店——MXN",
    "email": "finance@latamstore.com",
    "create_credentials": False,
}

LUHN_OK_CARD = "4024007153763130"
AMEX = "378282246310005"

# Derived bases, each clean for TODAY (asserted by their own "base" cases).
CARD = mut(SEED_CARD_CHARGE, {"card_number": LUHN_OK_CARD})          # card charge, no warnings
PLAIN = mut(SEED_CARD_CHARGE, {f: DEL for f in CARD_FIELDS})          # credit_card x3, no card fields
ONE = mut(PLAIN, {"installment_count": 1, "capture": DEL})            # a one-installment charge
SUB = mut(SEED_SUBSCRIPTION, {"card_number": LUHN_OK_CARD})           # subscription, no warnings
SUBPLAIN = mut(SEED_SUBSCRIPTION, {f: DEL for f in CARD_FIELDS})      # subscription without card
PIX = mut(SEED_PIX, {"payer_tax_id": CPF_OK})                         # seed 002 with a valid CPF
DEVICE = {"ip_address": "203.0.113.7", "user_agent": "Mozilla/5.0 (X11; Linux x86_64)",
          "device_id": "dev-42", "session_id": "ddc-session-1", "http_accept_content": "text/html",
          "http_browser_language": "pt-BR", "http_browser_java_enabled": False,
          "http_browser_javascript_enabled": True, "http_browser_color_depth": "24",
          "http_browser_screen_height": "1080", "http_browser_screen_width": "1920",
          "http_browser_time_difference": "-3"}
THREEDS = mut(CARD, {"threeds_authentication": True, "device_info": DEVICE})


def local(currency: str, tax_id: str, phone: str, address: dict[str, str], value: Any) -> dict:
    return mut(ONE, {"currency": currency, "payer_tax_id": tax_id, "payer_cell_phone": phone,
                     "payer_address": address, "installment_value": value})


CL_ADDRESS = {"street": "Av. Apoquindo", "address_number": "3000", "complement": "", "neighborhood": "Las Condes",
              "city": "Santiago", "state": "Región Metropolitana", "postal_code": "7550000", "country": "CL"}
MX_ADDRESS = {"street": "Av. Paseo de la Reforma", "address_number": "222", "complement": "Piso 3",
              "neighborhood": "Juárez", "city": "Ciudad de México", "state": "CDMX", "postal_code": "06600",
              "country": "MX"}
CO_ADDRESS = {"street": "Carrera 7", "address_number": "71-21", "complement": "Torre B",
              "neighborhood": "Chapinero", "city": "Bogotá", "state": "Cundinamarca", "postal_code": "110231",
              "country": "CO"}
PE_ADDRESS = {"street": "Av. Larco", "address_number": "345", "complement": "Of. 12",
              "neighborhood": "Miraflores", "city": "Lima", "state": "Lima", "postal_code": "15074",
              "country": "PE"}
AR_ADDRESS = {"street": "Av. Santa Fe", "address_number": "1860", "complement": "Piso 2",
              "neighborhood": "Recoleta", "city": "Buenos Aires", "state": "CABA", "postal_code": "C1123AAN",
              "country": "AR"}
US_ADDRESS = {"street": "Market St", "address_number": "500", "complement": "Suite 4",
              "neighborhood": "SoMa", "city": "San Francisco", "state": "CA", "postal_code": "94105",
              "country": "US"}

CL_CHARGE = local("CLP", RUT_OK, "+56912345678", CL_ADDRESS, 50000)
MX_CHARGE = local("MXN", RFC_PERSON_OK, "+525512345678", MX_ADDRESS, 2500.00)
CO_CHARGE = local("COP", CO_CC_OK, "+573001234567", CO_ADDRESS, 200000)
PE_CHARGE = local("PEN", RUC_OK, "+51912345678", PE_ADDRESS, 350.00)
AR_CHARGE = local("ARS", CUIT_OK, "+5491123456789", AR_ADDRESS, 85000.00)
US_CHARGE = local("USD", "123-45-6789", "+14155550123", US_ADDRESS, 100.00)

CHARGE_REQUIRED = ["wallet_uuid", "merchant_id", "payer_name", "payer_email", "payer_tax_id", "payer_cell_phone",
                   "installment_value", "installment_count", "currency", "due_date", "description",
                   "type_charge", "payer_address"]
CHARGE_ADDRESS_REQUIRED = ["street", "address_number", "complement", "neighborhood", "city", "state",
                           "postal_code"]
PIX_REQUIRED = ["wallet_uuid", "merchant_id", "payer_name", "payer_email", "payer_tax_id", "payer_cell_phone",
                "amount", "currency", "due_date", "description", "payer_address"]
PIX_ADDRESS_REQUIRED = ["street", "city", "state", "postal_code"]
CHECKOUT_REQUIRED = ["wallet_uuid", "merchant_id", "amount", "currency", "description", "redirect_url",
                     "due_date"]
WALLET_REQUIRED = ["entity_uuid", "customer_id", "currency", "name", "email", "create_credentials"]


def email_of_length(n: int) -> str:
    """An address of exactly n characters, local part ≤ 64 and every label ≤ 63 (RFC-safe)."""
    local_part = "a" * 64
    rest = n - len(local_part) - 1 - len(".com")
    labels = []
    while rest > 0:
        size = min(63, rest)
        if rest - size == 1:  # a label needs at least one character after its dot
            size -= 1
        labels.append("b" * size)
        rest -= size + 1
    assert rest == -1 or not labels
    out = local_part + "@" + ".".join(labels) + ".com"
    assert len(out) == n, (len(out), n)
    return out


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
# validate_charge.json
# ---------------------------------------------------------------------------------------------------


def charge() -> File:
    f = File("validate_charge", "validate(\"charge\", …): seeds 001 and 003 and mutations (today 2026-11-21 "
             "unless given)")
    k = "charge"
    CS = W("CARD_NUMBER_CHECKSUM", "card_number")

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


def generate() -> list[File]:
    check_tax_table()
    return [seeds(), wallet(), charge(), pix_charge(), checkout(), refund_capture()]


def main() -> int:
    total = 0
    for f in generate():
        n = f.write()
        total += n
        print(f"{f.stem + '.json':32} {n:4d} cases")
    print(f"{'total':32} {total:4d} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
