"""Tax IDs for the validate generator (gen_validate.py): own check-digit code and the values the cases use.

docs/rules.md "Tax IDs", implemented here from the doc: CPF, CNPJ (numeric and alphanumeric), RUT,
CUIT / DNI, RFC / CURP, NIT / cédula, RUC / DNI, and `tax_id_ok(value, country)`, the verdict that
rule 7 of docs/validation.md applies. Then the named tax-ID values the cases use, each with its verdict
in TAX_TABLE, and `check_tax_table()`, which asserts those verdicts against this code and against
python-stdnum (a second opinion only); it also checks the ISO 3166-1 list of validate_reference.py
against stdnum's copy. Nothing here imports, calls or reads the SDK.
"""

from __future__ import annotations

import datetime
import re

from validate_reference import ISO_3166_1_ALPHA2


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


def _real_yymmdd(s: str, century: int = 2000) -> bool:
    try:
        datetime.date(century + int(s[0:2]), int(s[2:4]), int(s[4:6]))
        return True
    except ValueError:
        return False


# docs/validation.md, "Tax IDs: the rules around the check digits" (issue 20).
CUIT_TYPES = {"20", "23", "24", "27", "30", "33", "34", "50", "51", "55"}
CURP_STATE_CODES = set("AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS "
                       "TL VZ YN ZS NE".split())
CURP_BAD_WORDS = set("""BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA
CULO FALO FETO GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI KOJO KOLA KULO
LILO LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA MULO NACA NACO PEDA PEDO PENE PIPI
PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO RUIN SENO TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY""".split())
RFC_BAD_WORDS = set("""BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COJA COJE COJI COJO CULO FETO GUEY JOTO
KACA KACO KAGA KAGO KAKA KOGE KOJO KULO MAME MAMO MEAR MEAS MEON MION MOCO MULA PEDA PEDO PENE PUTA PUTO QULO
RATA RUIN""".split())


def cui_chars(d8: str) -> str:
    """Peru's CUI verification digit and letter: c = sum(3,2,7,6,5,4,3,2 · digits) mod 11."""
    c = sum(int(ch) * w for ch, w in zip(d8, [3, 2, 7, 6, 5, 4, 3, 2])) % 11
    return "65432110987"[c] + "KJIHGFEDCBA"[c]


def tax_id_ok(value: str, country: str) -> bool:
    v = _clean_tax(value)
    if country == "BR":
        if re.fullmatch(r"[0-9]{11}", v):
            return len(set(v)) > 1 and v[9:] == cpf_digits(v[:9])
        if re.fullmatch(r"[0-9A-Z]{12}[0-9]{2}", v):
            return len(set(v)) > 1 and v[12:] == cnpj_digits(v[:12])
        return False
    if country == "CL":
        return bool(re.fullmatch(r"[0-9]{7,8}[0-9K]", v)) and v[-1] == rut_digit(v[:-1])
    if country == "AR":
        if re.fullmatch(r"[0-9]{11}", v):
            d = cuit_digit(v[:10])
            return v[:2] in CUIT_TYPES and d is not None and int(v[10]) == d
        return bool(re.fullmatch(r"[0-9]{7,8}", v))
    if country == "MX":
        m = re.fullmatch(r"[A-ZÑ&]{3,4}([0-9]{6})[A-Z0-9]{3}", v)
        if m:
            return _real_yymmdd(m.group(1)) and not (len(v) == 13 and v[:4] in RFC_BAD_WORDS)
        m = re.fullmatch(r"[A-Z]{4}([0-9]{6})[HMX][A-Z]{5}[0-9A-Z][0-9]", v)
        if m:
            century = 1900 if v[16].isdigit() else 2000
            return _real_yymmdd(m.group(1), century) and int(v[17]) == curp_digit(v[:17]) \
                and v[11:13] in CURP_STATE_CODES and v[:4] not in CURP_BAD_WORDS
        return False
    if country == "CO":
        raw = value.strip()
        if "-" in raw:  # NIT: dash before the check digit
            body, _, check = raw.rpartition("-")
            body = re.sub(r"[. \-]", "", body)
            return bool(re.fullmatch(r"[0-9]{5,15}", body)) and check.isdigit() and len(check) == 1 \
                and int(check) == nit_digit(body)
        if re.fullmatch(r"[89][0-9]{9}", v):  # ten digits starting 8 or 9: a NIT, check digit last
            return int(v[9]) == nit_digit(v[:9])
        return bool(re.fullmatch(r"[0-9]{6,10}", v))
    if country == "PE":
        if re.fullmatch(r"[0-9]{8}", v):
            return True
        if re.fullmatch(r"[0-9]{8}[0-9A-Z]", v):
            return v[8] in cui_chars(v[:8])
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
# Issue 20 (docs/validation.md, "Tax IDs: the rules around the check digits").
CUIT_PREFIX_99 = "99-12345678-1"       # check digit right, prefix not issued by AFIP
CNPJ_ZEROS = "00.000.000/0000-00"
CURP_1900_0229 = "PEGJ000229MJCRRN08"  # 29 February 1900 (digit marker): not a date
CURP_2000_0229 = "PEGJ000229MJCRRNA8"  # 29 February 2000 (letter marker)
CURP_STATE_XX = "PEGJ900512MXXRRN05"   # check digit right, state XX unknown
CURP_BAD_WORD = "PUTO900512HDFRRN03"   # check digit right, an inconvenient word
RFC_BAD_WORD = "PUTO561231GR8"
NIT_TEN_OK = "8001972684"
NIT_TEN_BAD = "8001972685"
NIT_DASHED_OK = "800-197-268-4"
PE_CUI_OK = "12345678-1"
PE_CUI_LETTER_OK = "12345678E"
PE_CUI_BAD = "12345678-2"

TAX_TABLE = [  # (value, country, valid)
    (CPF_OK, "BR", True), (CPF_BARE_OK, "BR", True), (CPF_SEED_BAD, "BR", False),
    (CPF_ALL_EQUAL, "BR", False), (CPF_DOC_BAD, "BR", False), (CNPJ_OK, "BR", True),
    (CNPJ_ALNUM_OK, "BR", True), (CNPJ_ALNUM_LOWER_OK, "BR", True), ("abc", "BR", False),
    (RUT_OK, "CL", True), (RUT_K_OK, "CL", True), (RUT_7_OK, "CL", True), (RUT_BAD, "CL", False),
    (CUIT_OK, "AR", True), (CUIT_DOC_BAD, "AR", False), (AR_DNI_OK, "AR", True), (CPF_OK, "AR", False),
    (RFC_GENERIC_OK, "MX", True), (RFC_PERSON_OK, "MX", True), (CURP_OK, "MX", True),
    (CURP_DOC_BAD, "MX", False), (NIT_OK, "CO", True), (NIT_BAD, "CO", False), (CO_CC_OK, "CO", True),
    (RUC_OK, "PE", True), (RUC_DOC_BAD, "PE", False), (PE_DNI_OK, "PE", True),
    (CUIT_PREFIX_99, "AR", False), (CNPJ_ZEROS, "BR", False), (CURP_1900_0229, "MX", False),
    (CURP_2000_0229, "MX", True), (CURP_STATE_XX, "MX", False), (CURP_BAD_WORD, "MX", False),
    (RFC_BAD_WORD, "MX", False), (NIT_TEN_OK, "CO", True), (NIT_TEN_BAD, "CO", False),
    (NIT_DASHED_OK, "CO", True), (PE_CUI_OK, "PE", True), (PE_CUI_LETTER_OK, "PE", True),
    (PE_CUI_BAD, "PE", False),
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
            if "-" in value or re.fullmatch(r"[89][0-9]{9}", value):
                return sn_nit.is_valid(value)
            return bool(re.fullmatch(r"[0-9]{6,10}", value))
        if country == "PE":
            return sn_ruc.is_valid(value) or sn_cui.is_valid(value)
        raise AssertionError(country)

    assert CURP_STATE_CODES == sn_curp._valid_states and CURP_BAD_WORDS == sn_curp._name_blacklist
    assert RFC_BAD_WORDS == sn_rfc._name_blacklist and CUIT_TYPES == set(sn_cuit._cuit_tpes)
    assert all(cui_chars(f"{n:08d}") == sn_cui.calc_check_digits(f"{n:08d}") for n in range(10**7, 10**7 + 300))
    for value, country, valid in TAX_TABLE:
        assert tax_id_ok(value, country) == valid, (value, country)
        assert stdnum_verdict(value, country) == valid, ("stdnum disagrees", value, country)
