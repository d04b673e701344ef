"""Reference data and field specs for the validate(kind, payload, today) generator (gen_validate.py).

The contract's fixed tables, copied from docs/validation.md and docs/rules.md: the ISO 3166-1 alpha-2
country list, Brazil's 27 UFs, the enumerations (type_charge, subscription cycles, sales channels), the
currencies each kind accepts with their exponents and countries, the amount ceiling, the card fields,
and the per-kind field specs of docs/validation.md "Kinds and their fields" (presence R / R* / O and
the type of every field, nested objects included). Data only: the rules that read it are in
validate_rules.py. Nothing here imports, calls or reads the SDK.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

# ---------------------------------------------------------------------------------------------------
# Reference data (docs/validation.md, docs/rules.md)
# ---------------------------------------------------------------------------------------------------

# ISO 3166-1 alpha-2, officially assigned codes (249). Checked against python-stdnum's copy in
# validate_tax_ids.py (check_tax_table).
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
                 "reference_external_id": (O, "text"), "is_checkout": (O, "bool"),
                 "threeds_authentication": (O, "bool")},
    "refund": {"charge_uuid": (R, "uuid"), "wallet_uuid": (R, "uuid"), "amount": (O, "amount"),
               "reason": (O, "text")},
    "capture": {"charge_uuid": (R, "uuid"), "wallet_uuid": (R, "uuid"), "amount": (O, "amount")},
}
KIND_CURRENCIES = {"wallet": WALLET_CURRENCIES, "charge": CHARGE_CURRENCIES, "pix_charge": PIX_CURRENCIES,
                   "checkout": CHARGE_CURRENCIES}
