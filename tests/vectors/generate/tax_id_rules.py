"""Tax-ID rules for gen_tax_id.py: this generator's own implementation of docs/rules.md "Tax IDs" and
docs/validation.md "Tax IDs: the rules around the check digits", python-stdnum's opinion in the
contract's terms, and helpers that build valid numbers from a body. Nothing here imports, calls or
reads the SDK.
"""

from __future__ import annotations

import datetime
import re

from common import VectorError
from validate_reference import ISO_3166_1_ALPHA2

from stdnum.ar import cuit as sn_cuit
from stdnum.ar import dni as sn_ar_dni
from stdnum.br import cnpj as sn_cnpj
from stdnum.br import cpf as sn_cpf
from stdnum.cl import rut as sn_rut
from stdnum.co import nit as sn_nit
from stdnum import isin as sn_isin
from stdnum.mx import curp as sn_curp
from stdnum.mx import rfc as sn_rfc
from stdnum.pe import cui as sn_cui
from stdnum.pe import ruc as sn_ruc

# ISO 3166-1 alpha-2 (249 officially assigned codes): one list, in validate_reference.py.
# Cross-check against stdnum's own copy (which still lists the withdrawn AN and CS).
assert ISO_3166_1_ALPHA2 == set(sn_isin._iso_3116_1_country_codes) - {"AN", "CS"}

SEPARATORS = ".-/ "

# ---------------------------------------------------------------------------------------------------
# Own implementation of the contract's rules
# ---------------------------------------------------------------------------------------------------


def compact(value: str) -> str:
    return "".join(ch for ch in value if ch not in SEPARATORS).upper()


def cpf_check(body9: str) -> str:
    digits = [int(ch) for ch in body9]
    r = sum(w * d for w, d in zip(range(10, 1, -1), digits)) % 11
    d1 = 0 if r < 2 else 11 - r
    digits.append(d1)
    r = sum(w * d for w, d in zip(range(11, 1, -1), digits)) % 11
    d2 = 0 if r < 2 else 11 - r
    return f"{d1}{d2}"


CNPJ_W1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
CNPJ_W2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]


def cnpj_check(body12: str) -> str:
    values = [ord(ch) - 48 for ch in body12]
    r = sum(w * v for w, v in zip(CNPJ_W1, values)) % 11
    d1 = 0 if r < 2 else 11 - r
    values.append(d1)
    r = sum(w * v for w, v in zip(CNPJ_W2, values)) % 11
    d2 = 0 if r < 2 else 11 - r
    return f"{d1}{d2}"


def rut_check(body: str) -> str:
    weights = [2, 3, 4, 5, 6, 7]
    s = sum(int(ch) * weights[i % 6] for i, ch in enumerate(reversed(body)))
    v = 11 - s % 11
    return "0" if v == 11 else "K" if v == 10 else str(v)


def cuit_check(body10: str) -> str | None:
    """None when the computed check is 10 (no valid CUIT has that body)."""
    s = sum(w * int(ch) for w, ch in zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], body10))
    v = 11 - s % 11
    if v == 11:
        return "0"
    if v == 10:
        return None
    return str(v)


CURP_ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
assert CURP_ALPHABET.index("N") == 23 and CURP_ALPHABET.index("Ñ") == 24 and CURP_ALPHABET.index("Z") == 36 and len(CURP_ALPHABET) == 37


def curp_check(body17: str) -> str:
    s = sum(CURP_ALPHABET.index(ch) * w for ch, w in zip(body17, range(18, 1, -1)))
    return str((10 - s % 10) % 10)


NIT_WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]


def nit_check(body: str) -> str:
    r = sum(w * int(ch) for w, ch in zip(NIT_WEIGHTS, reversed(body))) % 11
    return str(r if r < 2 else 11 - r)


def ruc_check(body10: str) -> str:
    s = sum(w * int(ch) for w, ch in zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], body10))
    return str((11 - s % 11) % 10)


def real_yymmdd(text: str, century: int = 2000) -> bool:
    try:
        datetime.date(century + int(text[0:2]), int(text[2:4]), int(text[4:6]))
        return True
    except ValueError:
        return False


# AFIP's CUIT/CUIL type prefixes: persons 20, 23, 24, 27; companies 30, 33, 34; 50, 51, 55.
CUIT_PREFIXES = ("20", "23", "24", "27", "30", "33", "34", "50", "51", "55")
# The CURP's state codes: the 32 federal entities (Mexico City still written DF) and NE, born abroad.
CURP_STATES = frozenset("""
AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE
""".split())
assert len(CURP_STATES) == 33
# RENAPO's inconvenient words (a CURP never starts with one: the second letter is replaced by X).
CURP_WORDS = frozenset("""
BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA CULO FALO FETO
GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI KOJO KOLA KULO LILO
LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA MULO NACA NACO PEDA PEDO PENE
PIPI PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO RUIN SENO TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI
WUEY
""".split())
# The SAT's inconvenient words (a person's RFC never starts with one).
RFC_WORDS = frozenset("""
BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COJA COJE COJI COJO CULO FETO GUEY JOTO KACA KACO KAGA
KAGO KAKA KOGE KOJO KULO MAME MAMO MEAR MEAS MEON MION MOCO MULA PEDA PEDO PENE PUTA PUTO QULO RATA
RUIN
""".split())
# Cross-check the lists against stdnum's copies.
assert CURP_STATES == sn_curp._valid_states and CURP_WORDS == sn_curp._name_blacklist
assert RFC_WORDS == sn_rfc._name_blacklist
assert set(CUIT_PREFIXES) == set(sn_cuit._cuit_tpes)


def cui_check(body8: str) -> str:
    """Peru's CUI verification characters (a digit and a letter, both accepted) for an 8-digit DNI:
    weights 3,2,7,6,5,4,3,2; k = (11 - sum mod 11) mod 11; digit 67890112345[k], letter KABCDEFGHIJ[k]."""
    s = sum(w * int(ch) for w, ch in zip([3, 2, 7, 6, 5, 4, 3, 2], body8))
    k = (11 - s % 11) % 11
    return "67890112345"[k] + "KABCDEFGHIJ"[k]


# The CUI formula against stdnum's (which indexes by sum mod 11 directly): every remainder is covered.
_cui_bodies = [f"{n:08d}" for n in range(12345678, 12345678 + 200)]
assert all(cui_check(b) == sn_cui.calc_check_digits(b) for b in _cui_bodies)
assert len({cui_check(b) for b in _cui_bodies}) == 11


def nit_ten_digits(v: str) -> bool:
    """A dash-less Colombian value read as a NIT: ten digits starting with 8 or 9 (no CC has that)."""
    return digits(v, 10) and v[0] in "89"


_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_RFC_PERSON = re.compile(r"[A-ZÑ&]{4}([0-9]{6})[A-Z0-9]{3}")
_RFC_COMPANY = re.compile(r"[A-ZÑ&]{3}([0-9]{6})[A-Z0-9]{3}")
_CURP = re.compile(r"[A-Z]{4}([0-9]{6})[HMX][A-Z]{5}[A-Z0-9][0-9]")
_CNPJ = re.compile(r"[0-9A-Z]{12}[0-9]{2}")
_RUT = re.compile(r"[0-9]{7,8}[0-9K]")
_NIT_WRITTEN = re.compile(r"([0-9]{5,15})-([0-9])", re.ASCII)
_CUI = re.compile(r"[0-9]{8}[0-9A-Z]", re.ASCII)


def nit_written(value: str):
    """body and check of a NIT written with a dash before its check digit (inner dashes separate)."""
    written = "".join(ch for ch in value if ch not in "./ ")
    body, sep, check = written.rpartition("-")
    return _NIT_WRITTEN.fullmatch(body.replace("-", "") + sep + check)


def digits(v: str, *lengths: int) -> bool:
    return bool(_DIGITS.fullmatch(v)) and len(v) in lengths


def validate_tax_id(value, country):
    if not isinstance(country, str) or country not in ISO_3166_1_ALPHA2:
        raise VectorError("INVALID_COUNTRY")
    if not isinstance(value, str):
        raise VectorError("INVALID_TAX_ID")
    if country not in ("BR", "CL", "AR", "MX", "CO", "PE"):
        if value.strip() == "":
            raise VectorError("INVALID_TAX_ID")
        return "OTHER"
    v = compact(value)
    if country == "BR":
        if digits(v, 11) and len(set(v)) > 1 and cpf_check(v[:9]) == v[9:]:
            return "CPF"
        if _CNPJ.fullmatch(v) and len(set(v)) > 1 and cnpj_check(v[:12]) == v[12:]:
            return "CNPJ"
    elif country == "CL":
        if _RUT.fullmatch(v) and rut_check(v[:-1]) == v[-1]:
            return "RUT"
    elif country == "AR":
        if digits(v, 11) and v[:2] in CUIT_PREFIXES and cuit_check(v[:10]) == v[10]:
            return "CUIT"
        if digits(v, 7, 8):
            return "DNI"
    elif country == "MX":
        m = _RFC_PERSON.fullmatch(v) if len(v) == 13 else _RFC_COMPANY.fullmatch(v) if len(v) == 12 else None
        if m and real_yymmdd(m.group(1)) and not (len(v) == 13 and v[:4] in RFC_WORDS):
            return "RFC"
        m = _CURP.fullmatch(v) if len(v) == 18 else None
        century = 1900 if v[16:17].isdigit() else 2000
        if m and real_yymmdd(m.group(1), century) and curp_check(v[:17]) == v[17] \
                and v[11:13] in CURP_STATES and v[:4] not in CURP_WORDS:
            return "CURP"
    elif country == "CO":
        if "-" in value:
            m = nit_written(value)
            if m and nit_check(m.group(1)) == m.group(2):
                return "NIT"
        elif nit_ten_digits(v):
            if nit_check(v[:9]) == v[9]:
                return "NIT"
        elif digits(v, 6, 7, 8, 9, 10):
            return "CC"
    elif country == "PE":
        if digits(v, 11) and v[:2] in ("10", "15", "17", "20") and ruc_check(v[:10]) == v[10]:
            return "RUC"
        if digits(v, 8) or (_CUI.fullmatch(v) and v[8] in cui_check(v[:8])):
            return "DNI"
    raise VectorError("INVALID_TAX_ID")


# ---------------------------------------------------------------------------------------------------
# python-stdnum's opinion
# ---------------------------------------------------------------------------------------------------


def stdnum_kind(value: str, country: str):
    """stdnum's verdict in the contract's terms: a kind, None (invalid), or "n/a" (stdnum has no module)."""
    if country not in ("BR", "CL", "AR", "MX", "CO", "PE"):
        return "n/a"
    v = compact(value)
    if country == "BR":
        return "CPF" if sn_cpf.is_valid(v) else "CNPJ" if sn_cnpj.is_valid(v) else None
    if country == "CL":
        return "RUT" if sn_rut.is_valid(v) else None
    if country == "AR":
        return "CUIT" if sn_cuit.is_valid(v) else "DNI" if sn_ar_dni.is_valid(v) else None
    if country == "MX":
        return "RFC" if sn_rfc.is_valid(v) else "CURP" if sn_curp.is_valid(v) else None
    if country == "CO":
        if "-" not in value and not nit_ten_digits(v):
            return "n/a"  # CC: stdnum has no module for the cédula de ciudadanía
        return "NIT" if sn_nit.is_valid(v) else None
    if country == "PE":
        return "RUC" if sn_ruc.is_valid(v) else "DNI" if sn_cui.is_valid(v) else None
    raise AssertionError(country)


def check_digits_agree(value: str, country: str) -> None:
    """Where the text has a document's shape, my check digits must equal stdnum's."""
    v = compact(value)
    if country == "BR" and digits(v, 11):
        assert cpf_check(v[:9]) == sn_cpf._calc_check_digits(v), v
    if country == "BR" and len(v) == 14 and re.fullmatch(r"[0-9A-Z]{12}", v[:12]):
        assert cnpj_check(v[:12]) == sn_cnpj.calc_check_digits(v[:12]), v
    if country == "CL" and re.fullmatch(r"[0-9]{7,8}", v[:-1]) and len(v) in (8, 9):
        assert rut_check(v[:-1]) == sn_rut.calc_check_digit(v[:-1]), v
    if country == "AR" and digits(v, 11):
        mine = cuit_check(v[:10])
        theirs = sn_cuit.calc_check_digit(v[:10])
        # stdnum turns a check of 10 into '9'; the contract calls that body invalid.
        assert mine == theirs or (mine is None and theirs == "9"), v
    if country == "MX" and len(v) == 18 and re.fullmatch(r"[0-9A-Z]{17}", v[:17]):
        assert curp_check(v[:17]) == sn_curp.calc_check_digit(v), v
    if country == "CO" and "-" in value:
        m = nit_written(value)
        if m:
            assert nit_check(m.group(1)) == sn_nit.calc_check_digit(m.group(1)), v
    if country == "CO" and nit_ten_digits(v):
        assert nit_check(v[:9]) == sn_nit.calc_check_digit(v[:9]), v
    if country == "PE" and _CUI.fullmatch(v):
        assert cui_check(v[:8]) == sn_cui.calc_check_digits(v[:8]), v
    if country == "PE" and digits(v, 11):
        assert ruc_check(v[:10]) == sn_ruc.calc_check_digit(v[:10]), v


# ---------------------------------------------------------------------------------------------------
# Helpers to build valid numbers from a body (check digits computed above, cross-checked with stdnum)
# ---------------------------------------------------------------------------------------------------


def make_cpf(body9: str) -> str:
    d = body9 + cpf_check(body9)
    return f"{d[0:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}"


def make_cnpj(body12: str) -> str:
    d = body12 + cnpj_check(body12)
    return f"{d[0:2]}.{d[2:5]}.{d[5:8]}/{d[8:12]}-{d[12:]}"


def make_rut(body: str) -> str:
    chk = rut_check(body)
    rev = body[::-1]
    groups = [rev[i:i + 3][::-1] for i in range(0, len(rev), 3)][::-1]
    return ".".join(groups) + "-" + chk


def make_cuit(body10: str) -> str:
    chk = cuit_check(body10)
    assert chk is not None
    return f"{body10[:2]}-{body10[2:]}-{chk}"


def make_curp(body17: str) -> str:
    return body17 + curp_check(body17)


def make_nit(body: str) -> str:
    rev = body[::-1]
    groups = [rev[i:i + 3][::-1] for i in range(0, len(rev), 3)][::-1]
    return ".".join(groups) + "-" + nit_check(body)


def make_ruc(body10: str) -> str:
    return body10 + ruc_check(body10)


def wrong(check: str) -> str:
    """A different digit in the same place."""
    return str((int(check) + 1) % 10) if check.isdigit() else "0"
