"""The validate generator's own re-implementation of docs/validation.md: a cross-check of the hand work.

Written from the docs alone: amounts (docs/rules.md "Money"; tests/vectors/README.md "Amounts"), Luhn
and card digits (docs/rules.md "Cards"), the formats of rule 4 (UUID, date, e-mail, phone, URL, postal
codes), and `Model` / `model_validate(kind, payload, today)`, which applies rules 1-9 of
docs/validation.md to a payload and returns its set of (code, severity, field) issues. It is never the
source of a vector: every case in validate_cases_*.py is written by hand and must give exactly the
model's set (validate_collect.py asserts it). Tax-ID verdicts come from validate_tax_ids.py, the tables
from validate_reference.py. Nothing here imports, calls or reads the SDK.
"""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from validate_reference import (
    BR_UFS, CARD_FIELDS, CURRENCY_COUNTRY, CURRENCY_EXPONENT, CYCLES, ISO_3166_1_ALPHA2, KIND_CURRENCIES,
    MAX_AMOUNT, RS, SALES_CHANNELS, SPECS, TYPE_CHARGES, R,
)
from validate_tax_ids import tax_id_ok

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
