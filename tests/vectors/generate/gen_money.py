"""Money vectors: normalize_amount, currency_exponent, to_minor_units, from_minor_units,
split_installments (docs/rules.md; tests/vectors/README.md "Amounts" and "split_installments").

Computed with Python's `decimal` module only:
- 2-decimal currencies round with ROUND_HALF_UP, which in `decimal` is half *away from zero*;
- 0-decimal currencies use ROUND_DOWN, which in `decimal` is *toward zero* (truncation);
- the text grammar is checked with an ASCII regex BEFORE `Decimal()` is called, because `Decimal()`
  itself is far more lenient than the contract (it accepts "NaN", "Infinity", " 10 ", "1_000" and
  non-ASCII digits such as "١٢").

Grammar decision (README: "an optional sign, digits with an optional `.` fraction, and an optional
exponent"): the digits may sit on either side of the point, so "1." (= 1) and ".5" (= 0.5) are VALID
decimal text, as in most decimal parsers (Python Decimal, Java BigDecimal, JS Number); "." alone, or
a sign/exponent without digits, is not.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext

from common import Cases, VectorError

EXPONENT = {"BRL": 2, "MXN": 2, "USD": 2, "PEN": 2, "ARS": 2, "EUR": 2, "CLP": 0, "COP": 0}
MAX_AMOUNT = Decimal("999999999.99")

_AMOUNT_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)


def currency_exponent(currency):
    if not isinstance(currency, str) or currency not in EXPONENT:
        raise VectorError("CURRENCY_NOT_SUPPORTED")
    return EXPONENT[currency]


def read_amount(amount) -> Decimal:
    """The exact decimal a user's input stands for (README value conventions)."""
    if isinstance(amount, bool):
        raise VectorError("AMOUNT_INVALID")
    if isinstance(amount, float):
        text = repr(amount)  # shortest round-trip text, e.g. 2.675 -> "2.675", 1e-07 -> "1e-07"
    elif isinstance(amount, int):
        text = str(amount)
    elif isinstance(amount, str):
        text = amount
    else:
        raise VectorError("AMOUNT_INVALID")
    if not _AMOUNT_RE.fullmatch(text):
        raise VectorError("AMOUNT_INVALID")
    return Decimal(text)


def _normalize_decimal(amount, currency) -> Decimal:
    exp = currency_exponent(currency)  # the currency is checked before the amount
    value = read_amount(amount)
    with localcontext() as ctx:
        ctx.prec = 100_000
        ctx.Emax = 10**9
        ctx.Emin = -(10**9)
        if exp == 2:
            q = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        else:
            q = value.quantize(Decimal("1"), rounding=ROUND_DOWN)
    if not (q > 0 and q <= MAX_AMOUNT):
        raise VectorError("AMOUNT_INVALID")
    return q


def _fmt(q: Decimal, exp: int) -> str:
    text = format(q, "f")
    if exp == 0:
        assert "." not in text, text
    else:
        assert len(text.split(".")[1]) == exp, text
    return text


def normalize_amount(amount, currency) -> str:
    q = _normalize_decimal(amount, currency)
    return _fmt(q, EXPONENT[currency])


def to_minor_units(amount, currency) -> int:
    q = _normalize_decimal(amount, currency)
    n = q.scaleb(EXPONENT[currency])
    assert n == n.to_integral_value()
    return int(n)


def from_minor_units(minor, currency) -> str:
    exp = currency_exponent(currency)
    if isinstance(minor, bool) or not isinstance(minor, int):
        raise VectorError("AMOUNT_INVALID")
    q = Decimal(minor).scaleb(-exp).quantize(Decimal(1).scaleb(-exp))
    if not (q > 0 and q <= MAX_AMOUNT):
        raise VectorError("AMOUNT_INVALID")
    return _fmt(q, exp)


def split_installments(total, count, currency) -> list[str]:
    q = _normalize_decimal(total, currency)
    exp = EXPONENT[currency]
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 12:
        raise VectorError("INVALID_INSTALLMENT_COUNT")
    unit = Decimal(1).scaleb(-exp)
    # Decimal route: each part is total / count rounded down to the unit, remainder to the first.
    with localcontext() as ctx:
        ctx.prec = 200
        base = (q / count).quantize(unit, rounding=ROUND_DOWN)
    if base < unit:
        raise VectorError("AMOUNT_INVALID")
    first = q - base * (count - 1)
    parts = [first] + [base] * (count - 1)
    # Integer route (minor units), as a cross-check of the decimal route.
    m = int(q.scaleb(exp))
    b, r = divmod(m, count)
    assert [int(p.scaleb(exp)) for p in parts] == [b + r] + [b] * (count - 1)
    assert sum(parts) == q
    return [_fmt(p.quantize(unit), exp) for p in parts]


def gen_normalize_amount() -> Cases:
    c = Cases("normalize_amount", "normalize_amount(amount, currency): exact decimal reading, 2-decimal "
              "currencies round half away from zero, CLP/COP truncate toward zero, result in (0, 999999999.99]")
    n = normalize_amount
    A = lambda amount, currency: {"amount": amount, "currency": currency}  # noqa: E731

    # Half away from zero, 2-decimal currencies.
    c.run("BRL 10.005 rounds half away from zero to 10.01", A("10.005", "BRL"), n, "10.005", "BRL", expect="10.01")
    c.run("BRL 2.675 as text rounds to 2.68", A("2.675", "BRL"), n, "2.675", "BRL", expect="2.68")
    c.run("BRL 2.675 as a float is read through its shortest text and rounds to 2.68", A(2.675, "BRL"), n, 2.675, "BRL", expect="2.68")
    c.run("BRL 10.004 rounds down to 10.00", A("10.004", "BRL"), n, "10.004", "BRL", expect="10.00")
    c.run("BRL 10.0049 rounds down (no double rounding)", A("10.0049", "BRL"), n, "10.0049", "BRL", expect="10.00")
    c.run("BRL 1.015 rounds to 1.02", A("1.015", "BRL"), n, "1.015", "BRL")
    c.run("BRL 1.025 rounds to 1.03", A("1.025", "BRL"), n, "1.025", "BRL")
    c.run("BRL 0.125 rounds to 0.13", A("0.125", "BRL"), n, "0.125", "BRL")
    c.run("BRL 10.00 unchanged", A("10.00", "BRL"), n, "10.00", "BRL", expect="10.00")
    c.run("BRL integer text gets two decimals", A("150", "BRL"), n, "150", "BRL", expect="150.00")
    c.run("BRL one decimal gets padded", A("150.5", "BRL"), n, "150.5", "BRL", expect="150.50")
    c.run("BRL 250.00 seed example", A("250.00", "BRL"), n, "250.00", "BRL", expect="250.00")
    c.run("MXN 99.995 rounds up to 100.00", A("99.995", "MXN"), n, "99.995", "MXN", expect="100.00")
    c.run("USD 19.994 rounds down", A("19.994", "USD"), n, "19.994", "USD")
    c.run("USD 19.995 rounds up", A("19.995", "USD"), n, "19.995", "USD")
    c.run("PEN 45.555 rounds to 45.56", A("45.555", "PEN"), n, "45.555", "PEN")
    c.run("ARS 1234.565 rounds to 1234.57", A("1234.565", "ARS"), n, "1234.565", "ARS")
    c.run("EUR is supported (FX figures) and rounds half away from zero", A("23.585", "EUR"), n, "23.585", "EUR")
    c.run("BRL 0.005 rounds up to the smallest amount 0.01", A("0.005", "BRL"), n, "0.005", "BRL", expect="0.01")
    c.run("BRL 0.01 is the smallest amount", A("0.01", "BRL"), n, "0.01", "BRL", expect="0.01")
    c.run("BRL 0.004 rounds to zero and is invalid", A("0.004", "BRL"), n, "0.004", "BRL", expect="AMOUNT_INVALID")
    c.run("BRL 0.0049999 rounds to zero and is invalid", A("0.0049999", "BRL"), n, "0.0049999", "BRL", expect="AMOUNT_INVALID")

    # Truncation toward zero, 0-decimal currencies.
    c.run("CLP 50000.50 truncates to 50000", A("50000.50", "CLP"), n, "50000.50", "CLP", expect="50000")
    c.run("CLP 50000.99 truncates to 50000", A("50000.99", "CLP"), n, "50000.99", "CLP", expect="50000")
    c.run("CLP 50000 unchanged", A("50000", "CLP"), n, "50000", "CLP", expect="50000")
    c.run("CLP 50000.00 loses its decimals", A("50000.00", "CLP"), n, "50000.00", "CLP", expect="50000")
    c.run("CLP 0.9 truncates to 0 and is invalid", A("0.9", "CLP"), n, "0.9", "CLP", expect="AMOUNT_INVALID")
    c.run("CLP 1 is the smallest amount", A("1", "CLP"), n, "1", "CLP", expect="1")
    c.run("CLP 1.999 truncates to 1", A("1.999", "CLP"), n, "1.999", "CLP", expect="1")
    c.run("COP 99.999 truncates to 99", A("99.999", "COP"), n, "99.999", "COP", expect="99")
    c.run("COP 100.5 truncates to 100", A("100.5", "COP"), n, "100.5", "COP", expect="100")
    c.run("CLP 999999999.99 truncates to 999999999", A("999999999.99", "CLP"), n, "999999999.99", "CLP", expect="999999999")
    c.run("CLP 999999999.999 truncates to 999999999", A("999999999.999", "CLP"), n, "999999999.999", "CLP", expect="999999999")
    c.run("CLP 1000000000 is above the maximum", A("1000000000", "CLP"), n, "1000000000", "CLP", expect="AMOUNT_INVALID")
    c.run("COP 1000000000.5 is above the maximum", A("1000000000.5", "COP"), n, "1000000000.5", "COP", expect="AMOUNT_INVALID")

    # Bounds.
    c.run("BRL 999999999.99 is the maximum", A("999999999.99", "BRL"), n, "999999999.99", "BRL", expect="999999999.99")
    c.run("BRL 999999999.994 rounds to the maximum", A("999999999.994", "BRL"), n, "999999999.994", "BRL", expect="999999999.99")
    c.run("BRL 999999999.995 rounds above the maximum", A("999999999.995", "BRL"), n, "999999999.995", "BRL", expect="AMOUNT_INVALID")
    c.run("BRL 1000000000 is above the maximum", A("1000000000", "BRL"), n, "1000000000", "BRL", expect="AMOUNT_INVALID")
    c.run("BRL zero is invalid", A("0", "BRL"), n, "0", "BRL", expect="AMOUNT_INVALID")
    c.run("BRL 0.00 is invalid", A("0.00", "BRL"), n, "0.00", "BRL", expect="AMOUNT_INVALID")
    c.run("BRL minus zero is invalid", A("-0", "BRL"), n, "-0", "BRL", expect="AMOUNT_INVALID")
    c.run("BRL negative is invalid", A("-10.00", "BRL"), n, "-10.00", "BRL", expect="AMOUNT_INVALID")
    c.run("BRL negative that rounds away from zero is invalid", A("-10.005", "BRL"), n, "-10.005", "BRL", expect="AMOUNT_INVALID")
    c.run("BRL -0.001 rounds to zero and is invalid", A("-0.001", "BRL"), n, "-0.001", "BRL", expect="AMOUNT_INVALID")
    c.run("CLP negative is invalid", A("-5", "CLP"), n, "-5", "CLP", expect="AMOUNT_INVALID")
    c.run("CLP -0.5 truncates to zero and is invalid", A("-0.5", "CLP"), n, "-0.5", "CLP", expect="AMOUNT_INVALID")

    # Grammar: signs, leading zeros, the point, exponents.
    c.run("explicit plus sign", A("+5", "BRL"), n, "+5", "BRL", expect="5.00")
    c.run("leading zeros", A("007.50", "BRL"), n, "007.50", "BRL", expect="7.50")
    c.run("point with no fraction digits is 1", A("1.", "BRL"), n, "1.", "BRL", expect="1.00")
    c.run("point with no integer digits is 0.5", A(".5", "BRL"), n, ".5", "BRL", expect="0.50")
    c.run("point with no integer digits in CLP truncates to zero", A(".5", "CLP"), n, ".5", "CLP", expect="AMOUNT_INVALID")
    c.run("exponent 1E+2 is 100", A("1E+2", "BRL"), n, "1E+2", "BRL", expect="100.00")
    c.run("exponent 1e2 without sign", A("1e2", "USD"), n, "1e2", "USD", expect="100.00")
    c.run("negative exponent 25e-1 is 2.5", A("25e-1", "BRL"), n, "25e-1", "BRL", expect="2.50")
    c.run("fraction with exponent 1.0005E+1 rounds to 10.01", A("1.0005E+1", "BRL"), n, "1.0005E+1", "BRL", expect="10.01")
    c.run("exponent in CLP 5.00005e4 truncates", A("5.00005e4", "CLP"), n, "5.00005e4", "CLP", expect="50000")
    c.run("tiny exponent 1e-30 rounds to zero", A("1e-30", "BRL"), n, "1e-30", "BRL", expect="AMOUNT_INVALID")
    c.run("exponent 5e-3 rounds up to 0.01", A("5e-3", "BRL"), n, "5e-3", "BRL", expect="0.01")
    c.run("huge exponent 1E+400 is above the maximum", A("1E+400", "BRL"), n, "1E+400", "BRL", expect="AMOUNT_INVALID")
    c.run("huge negative exponent 1E-400 rounds to zero", A("1E-400", "BRL"), n, "1E-400", "BRL", expect="AMOUNT_INVALID")
    c.run("exponent 9.9999999999E+8 is exactly the maximum", A("9.9999999999E+8", "BRL"), n, "9.9999999999E+8", "BRL", expect="999999999.99")
    long_up = "10.005" + "0" * 56 + "1"
    assert len(long_up.split(".")[1]) == 60
    c.run("60 fraction digits just above the half rounds up", A(long_up, "BRL"), n, long_up, "BRL", expect="10.01")
    long_down = "10.004" + "9" * 57
    assert len(long_down.split(".")[1]) == 60
    c.run("60 fraction digits just below the half round down (read exactly, no double rounding)", A(long_down, "BRL"), n, long_down, "BRL", expect="10.00")
    long_clp = "49999." + "9" * 60
    c.run("CLP 60 nines of fraction still truncate", A(long_clp, "CLP"), n, long_clp, "CLP", expect="49999")
    long_int = "0" * 50 + "123.45"
    c.run("50 leading zeros", A(long_int, "BRL"), n, long_int, "BRL", expect="123.45")
    long_big = "1" + "0" * 40
    c.run("41-digit integer is above the maximum", A(long_big, "BRL"), n, long_big, "BRL", expect="AMOUNT_INVALID")
    long_tiny = "0." + "0" * 40 + "1"
    c.run("positive amount with 41 fraction digits rounds to zero", A(long_tiny, "BRL"), n, long_tiny, "BRL", expect="AMOUNT_INVALID")
    sig = "123.4549999999999999999999999999"  # 31 significant digits, more than a 28-digit decimal type holds
    c.run("31 significant digits below the half round down", A(sig, "BRL"), n, sig, "BRL", expect="123.45")

    # Text that is not a number.
    bad_texts = [
        ("empty text", ""),
        ("leading space", " 10"),
        ("trailing space", "10 "),
        ("trailing newline", "10\n"),
        # Issue 20: leading or trailing whitespace is refused (not trimmed); the message says "whitespace".
        ("surrounding spaces", " 10.00 "),
        ("leading tab", "\t10.00"),
        ("leading newline", "\n10.00"),
        ("trailing carriage return", "10.00\r"),
        ("trailing CRLF", "10.00\r\n"),
        ("only spaces", "   "),
        ("space inside", "1 000.00"),
        ("thousands separator comma", "1,000.00"),
        ("decimal comma", "10,50"),
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("inf", "inf"),
        ("letters", "abc"),
        ("exponent without digits", "1e"),
        ("exponent sign without digits", "1e+"),
        ("exponent without mantissa", "e5"),
        ("double minus", "--1"),
        ("plus then minus", "+-1"),
        ("hex", "0x10"),
        ("arabic-indic digits", "١٢"),
        ("fullwidth digits", "１０"),
        ("underscore separator", "1_000"),
        ("lone point", "."),
        ("lone sign", "+"),
        ("two points", "1.2.3"),
        ("currency symbol", "R$10"),
        ("fraction exponent", "1e2.5"),
    ]
    for label, text in bad_texts:
        c.run(f"not a number: {label}", A(text, "BRL"), n, text, "BRL", expect="AMOUNT_INVALID")

    # Floats passed as JSON numbers (read through their shortest round-trip text).
    c.run("float 0.1 is exactly 0.10", A(0.1, "BRL"), n, 0.1, "BRL", expect="0.10")
    c.run("float 1.005 is read as 1.005 and rounds to 1.01", A(1.005, "BRL"), n, 1.005, "BRL", expect="1.01")
    c.run("float 10.005 rounds to 10.01", A(10.005, "BRL"), n, 10.005, "BRL", expect="10.01")
    c.run("float 150.0 is 150.00", A(150.0, "BRL"), n, 150.0, "BRL", expect="150.00")
    c.run("float 250.0 seed example", A(250.0, "MXN"), n, 250.0, "MXN", expect="250.00")
    c.run("float 1e-7 rounds to zero", A(1e-7, "BRL"), n, 1e-7, "BRL", expect="AMOUNT_INVALID")
    c.run("integer number 100 is 100.00", A(100, "BRL"), n, 100, "BRL", expect="100.00")
    c.run("integer number 0 is invalid", A(0, "BRL"), n, 0, "BRL", expect="AMOUNT_INVALID")
    c.run("float 50000.5 in CLP truncates", A(50000.5, "CLP"), n, 50000.5, "CLP", expect="50000")
    c.run("float 0.9 in CLP truncates to zero", A(0.9, "CLP"), n, 0.9, "CLP", expect="AMOUNT_INVALID")
    c.run("float negative is invalid", A(-1.5, "BRL"), n, -1.5, "BRL", expect="AMOUNT_INVALID")
    c.run("float 999999999.99 is the maximum", A(999999999.99, "BRL"), n, 999999999.99, "BRL", expect="999999999.99")
    c.run("float 1e20 is above the maximum", A(1e20, "BRL"), n, 1e20, "BRL", expect="AMOUNT_INVALID")
    c.run("float 0.30000000000000004 rounds to 0.30", A(0.1 + 0.2, "USD"), n, 0.1 + 0.2, "USD", expect="0.30")

    # Currencies.
    c.run("lower-case brl is not supported", A("10.00", "brl"), n, "10.00", "brl", expect="CURRENCY_NOT_SUPPORTED")
    c.run("unknown currency XYZ", A("10.00", "XYZ"), n, "10.00", "XYZ", expect="CURRENCY_NOT_SUPPORTED")
    c.run("GBP is not supported", A("10.00", "GBP"), n, "10.00", "GBP", expect="CURRENCY_NOT_SUPPORTED")
    c.run("empty currency", A("10.00", ""), n, "10.00", "", expect="CURRENCY_NOT_SUPPORTED")
    c.run("currency with a trailing space", A("10.00", "BRL "), n, "10.00", "BRL ", expect="CURRENCY_NOT_SUPPORTED")
    c.run("currency is checked before the amount", A("abc", "XYZ"), n, "abc", "XYZ", expect="CURRENCY_NOT_SUPPORTED")
    c.run("currency is checked before a zero amount", A("0", "brl"), n, "0", "brl", expect="CURRENCY_NOT_SUPPORTED")
    return c


def gen_currency_exponent() -> Cases:
    c = Cases("currency_exponent", "currency_exponent(currency): 2 for BRL, MXN, USD, PEN, ARS, EUR; 0 for CLP, COP")
    hand = {"BRL": 2, "MXN": 2, "USD": 2, "PEN": 2, "ARS": 2, "EUR": 2, "CLP": 0, "COP": 0}
    for cur in ["BRL", "MXN", "USD", "PEN", "ARS", "EUR", "CLP", "COP"]:
        c.run(f"{cur} has {hand[cur]} decimals", {"currency": cur}, currency_exponent, cur, expect=hand[cur])
    for label, cur in [("lower-case brl", "brl"), ("lower-case clp", "clp"), ("mixed-case Brl", "Brl"),
                       ("unknown XYZ", "XYZ"), ("JPY", "JPY"), ("GBP", "GBP"), ("empty", ""),
                       ("leading space", " BRL"), ("two letters", "BR"), ("numeric code 986", "986")]:
        c.run(f"not supported: {label}", {"currency": cur}, currency_exponent, cur, expect="CURRENCY_NOT_SUPPORTED")
    return c


def gen_to_minor_units() -> Cases:
    c = Cases("to_minor_units", "to_minor_units(amount, currency): normalize first, then count minor units")
    t = to_minor_units
    A = lambda amount, currency: {"amount": amount, "currency": currency}  # noqa: E731
    c.run("BRL 10.005 normalizes to 10.01 then 1001 cents", A("10.005", "BRL"), t, "10.005", "BRL", expect=1001)
    c.run("BRL 10.00 is 1000 cents", A("10.00", "BRL"), t, "10.00", "BRL", expect=1000)
    c.run("BRL 10.004 is 1000 cents", A("10.004", "BRL"), t, "10.004", "BRL", expect=1000)
    c.run("BRL 0.01 is 1 cent", A("0.01", "BRL"), t, "0.01", "BRL", expect=1)
    c.run("BRL 0.005 rounds up to 1 cent", A("0.005", "BRL"), t, "0.005", "BRL", expect=1)
    c.run("BRL 2.675 float is 268 cents", A(2.675, "BRL"), t, 2.675, "BRL", expect=268)
    c.run("BRL 10.005 float is 1001 cents", A(10.005, "BRL"), t, 10.005, "BRL", expect=1001)
    c.run("BRL 0.1 float is 10 cents", A(0.1, "BRL"), t, 0.1, "BRL", expect=10)
    c.run("BRL integer number 150", A(150, "BRL"), t, 150, "BRL", expect=15000)
    c.run("BRL maximum is 99999999999 cents", A("999999999.99", "BRL"), t, "999999999.99", "BRL", expect=99999999999)
    c.run("MXN 1234.56", A("1234.56", "MXN"), t, "1234.56", "MXN", expect=123456)
    c.run("USD exponent form 1E+2", A("1E+2", "USD"), t, "1E+2", "USD", expect=10000)
    c.run("ARS 0.10", A("0.10", "ARS"), t, "0.10", "ARS", expect=10)
    c.run("PEN 7", A("7", "PEN"), t, "7", "PEN", expect=700)
    c.run("EUR 23.58", A("23.58", "EUR"), t, "23.58", "EUR", expect=2358)
    c.run("CLP 50000.50 truncates to 50000 units", A("50000.50", "CLP"), t, "50000.50", "CLP", expect=50000)
    c.run("CLP 1 is 1 unit", A("1", "CLP"), t, "1", "CLP", expect=1)
    c.run("CLP maximum truncates to 999999999", A("999999999.99", "CLP"), t, "999999999.99", "CLP", expect=999999999)
    c.run("COP 99.999 truncates to 99", A("99.999", "COP"), t, "99.999", "COP", expect=99)
    c.run("BRL zero is invalid", A("0", "BRL"), t, "0", "BRL", expect="AMOUNT_INVALID")
    c.run("BRL 0.004 rounds to zero", A("0.004", "BRL"), t, "0.004", "BRL", expect="AMOUNT_INVALID")
    c.run("BRL negative is invalid", A("-1.00", "BRL"), t, "-1.00", "BRL", expect="AMOUNT_INVALID")
    c.run("BRL 999999999.995 rounds above the maximum", A("999999999.995", "BRL"), t, "999999999.995", "BRL", expect="AMOUNT_INVALID")
    c.run("CLP 0.9 truncates to zero", A("0.9", "CLP"), t, "0.9", "CLP", expect="AMOUNT_INVALID")
    c.run("text that is not a number", A("1,00", "BRL"), t, "1,00", "BRL", expect="AMOUNT_INVALID")
    c.run("lower-case currency", A("10.00", "brl"), t, "10.00", "brl", expect="CURRENCY_NOT_SUPPORTED")
    c.run("unknown currency", A("10.00", "XYZ"), t, "10.00", "XYZ", expect="CURRENCY_NOT_SUPPORTED")
    return c


def gen_from_minor_units() -> Cases:
    c = Cases("from_minor_units", "from_minor_units(minor, currency): an integer count of minor units to an "
              "amount, within the same bounds as normalize_amount")
    f = from_minor_units
    A = lambda minor, currency: {"minor": minor, "currency": currency}  # noqa: E731
    c.run("BRL 1001 cents is 10.01", A(1001, "BRL"), f, 1001, "BRL", expect="10.01")
    c.run("BRL 1 cent is 0.01", A(1, "BRL"), f, 1, "BRL", expect="0.01")
    c.run("BRL 10 cents is 0.10", A(10, "BRL"), f, 10, "BRL", expect="0.10")
    c.run("BRL 100 cents is 1.00", A(100, "BRL"), f, 100, "BRL", expect="1.00")
    c.run("BRL 15000 cents is 150.00", A(15000, "BRL"), f, 15000, "BRL", expect="150.00")
    c.run("BRL 99999999999 cents is the maximum", A(99999999999, "BRL"), f, 99999999999, "BRL", expect="999999999.99")
    c.run("BRL 100000000000 cents is above the maximum", A(100000000000, "BRL"), f, 100000000000, "BRL", expect="AMOUNT_INVALID")
    c.run("BRL zero is invalid", A(0, "BRL"), f, 0, "BRL", expect="AMOUNT_INVALID")
    c.run("BRL negative is invalid", A(-1, "BRL"), f, -1, "BRL", expect="AMOUNT_INVALID")
    c.run("BRL very negative is invalid", A(-99999999999, "BRL"), f, -99999999999, "BRL", expect="AMOUNT_INVALID")
    c.run("MXN 123456", A(123456, "MXN"), f, 123456, "MXN", expect="1234.56")
    c.run("USD 5", A(5, "USD"), f, 5, "USD", expect="0.05")
    c.run("PEN 700", A(700, "PEN"), f, 700, "PEN", expect="7.00")
    c.run("ARS 2", A(2, "ARS"), f, 2, "ARS", expect="0.02")
    c.run("EUR 2358", A(2358, "EUR"), f, 2358, "EUR", expect="23.58")
    c.run("CLP 50000 units is 50000", A(50000, "CLP"), f, 50000, "CLP", expect="50000")
    c.run("CLP 1 unit", A(1, "CLP"), f, 1, "CLP", expect="1")
    c.run("CLP 999999999 is the largest", A(999999999, "CLP"), f, 999999999, "CLP", expect="999999999")
    c.run("CLP 1000000000 is above the maximum", A(1000000000, "CLP"), f, 1000000000, "CLP", expect="AMOUNT_INVALID")
    c.run("COP 99", A(99, "COP"), f, 99, "COP", expect="99")
    c.run("COP zero is invalid", A(0, "COP"), f, 0, "COP", expect="AMOUNT_INVALID")
    c.run("COP negative is invalid", A(-5, "COP"), f, -5, "COP", expect="AMOUNT_INVALID")
    c.run("lower-case currency", A(100, "brl"), f, 100, "brl", expect="CURRENCY_NOT_SUPPORTED")
    c.run("unknown currency", A(100, "XYZ"), f, 100, "XYZ", expect="CURRENCY_NOT_SUPPORTED")
    # Round trip through to_minor_units, as a generator self-check.
    for amount, cur in [("10.01", "BRL"), ("999999999.99", "BRL"), ("50000", "CLP"), ("0.01", "USD")]:
        assert from_minor_units(to_minor_units(amount, cur), cur) == normalize_amount(amount, cur)
    return c


def gen_split_installments() -> Cases:
    c = Cases("split_installments", "split_installments(total, count, currency): total normalized first; each part "
              "is total / count rounded down to the currency's unit; the remainder goes to the first part")
    s = split_installments
    A = lambda total, count, currency: {"total": total, "count": count, "currency": currency}  # noqa: E731
    c.run("BRL 100.00 in 3 (contract example)", A("100.00", 3, "BRL"), s, "100.00", 3, "BRL", expect=["33.34", "33.33", "33.33"])
    c.run("CLP 50000 in 3 (contract example)", A("50000", 3, "CLP"), s, "50000", 3, "CLP", expect=["16668", "16666", "16666"])
    c.run("BRL 150.00 in 3 splits evenly", A("150.00", 3, "BRL"), s, "150.00", 3, "BRL", expect=["50.00", "50.00", "50.00"])
    c.run("BRL count 1 is the whole total", A("100.00", 1, "BRL"), s, "100.00", 1, "BRL", expect=["100.00"])
    c.run("BRL 100.00 in 12", A("100.00", 12, "BRL"), s, "100.00", 12, "BRL")
    c.run("BRL 1000.00 in 12", A("1000.00", 12, "BRL"), s, "1000.00", 12, "BRL")
    c.run("BRL 10.00 in 7", A("10.00", 7, "BRL"), s, "10.00", 7, "BRL")
    c.run("BRL 0.03 in 3 is one cent each", A("0.03", 3, "BRL"), s, "0.03", 3, "BRL", expect=["0.01", "0.01", "0.01"])
    c.run("BRL 0.02 in 3 has a part below one cent", A("0.02", 3, "BRL"), s, "0.02", 3, "BRL", expect="AMOUNT_INVALID")
    c.run("BRL 0.11 in 12 has a part below one cent", A("0.11", 12, "BRL"), s, "0.11", 12, "BRL", expect="AMOUNT_INVALID")
    c.run("BRL 0.12 in 12 is one cent each", A("0.12", 12, "BRL"), s, "0.12", 12, "BRL")
    c.run("BRL 0.23 in 12 puts the remainder first", A("0.23", 12, "BRL"), s, "0.23", 12, "BRL")
    c.run("BRL 100.005 is rounded to 100.01 before splitting in 2", A("100.005", 2, "BRL"), s, "100.005", 2, "BRL", expect=["50.01", "50.00"])
    c.run("BRL 100.004 is rounded to 100.00 before splitting in 3", A("100.004", 3, "BRL"), s, "100.004", 3, "BRL", expect=["33.34", "33.33", "33.33"])
    c.run("BRL total as a float 100.0", A(100.0, 3, "BRL"), s, 100.0, 3, "BRL", expect=["33.34", "33.33", "33.33"])
    c.run("BRL maximum in 7", A("999999999.99", 7, "BRL"), s, "999999999.99", 7, "BRL")
    c.run("MXN 250.00 in 6", A("250.00", 6, "MXN"), s, "250.00", 6, "MXN")
    c.run("USD 99.99 in 4", A("99.99", 4, "USD"), s, "99.99", 4, "USD")
    c.run("PEN 1.00 in 3", A("1.00", 3, "PEN"), s, "1.00", 3, "PEN")
    c.run("ARS 500.00 in 11", A("500.00", 11, "ARS"), s, "500.00", 11, "ARS")
    c.run("CLP 50000.50 truncates before splitting in 3", A("50000.50", 3, "CLP"), s, "50000.50", 3, "CLP", expect=["16668", "16666", "16666"])
    c.run("CLP 10 in 12 has a part below one peso", A("10", 12, "CLP"), s, "10", 12, "CLP", expect="AMOUNT_INVALID")
    c.run("CLP 12 in 12 is one peso each", A("12", 12, "CLP"), s, "12", 12, "CLP")
    c.run("CLP 100 in 7", A("100", 7, "CLP"), s, "100", 7, "CLP")
    c.run("COP 1000000 in 3", A("1000000", 3, "COP"), s, "1000000", 3, "COP")
    c.run("COP 99.999 truncates to 99 before splitting in 2", A("99.999", 2, "COP"), s, "99.999", 2, "COP", expect=["50", "49"])
    c.run("count 0 is invalid", A("100.00", 0, "BRL"), s, "100.00", 0, "BRL", expect="INVALID_INSTALLMENT_COUNT")
    c.run("count 13 is invalid", A("100.00", 13, "BRL"), s, "100.00", 13, "BRL", expect="INVALID_INSTALLMENT_COUNT")
    c.run("negative count is invalid", A("100.00", -1, "BRL"), s, "100.00", -1, "BRL", expect="INVALID_INSTALLMENT_COUNT")
    c.run("zero total is invalid", A("0", 3, "BRL"), s, "0", 3, "BRL", expect="AMOUNT_INVALID")
    c.run("negative total is invalid", A("-100.00", 3, "BRL"), s, "-100.00", 3, "BRL", expect="AMOUNT_INVALID")
    c.run("total above the maximum is invalid", A("1000000000.00", 3, "BRL"), s, "1000000000.00", 3, "BRL", expect="AMOUNT_INVALID")
    c.run("total that is not a number", A("abc", 3, "BRL"), s, "abc", 3, "BRL", expect="AMOUNT_INVALID")
    c.run("lower-case currency", A("100.00", 3, "brl"), s, "100.00", 3, "brl", expect="CURRENCY_NOT_SUPPORTED")
    c.run("unknown currency", A("100.00", 3, "XYZ"), s, "100.00", 3, "XYZ", expect="CURRENCY_NOT_SUPPORTED")
    return c


def generate() -> list[Cases]:
    return [gen_normalize_amount(), gen_currency_exponent(), gen_to_minor_units(), gen_from_minor_units(),
            gen_split_installments()]
