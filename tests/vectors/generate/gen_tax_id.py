"""Tax-ID vectors: validate_tax_id(value, country) (docs/validation.md; docs/rules.md "Tax IDs").

Every verdict comes from this file's own implementation of the contract's rules. python-stdnum is a
second, independent opinion: for every case where stdnum implements the document (br.cpf, br.cnpj,
cl.rut, ar.cuit, ar.dni, mx.rfc, mx.curp, co.nit, pe.ruc, pe.cui) the generator asserts that stdnum
gives the same verdict AND, where the shape allows, the same check digit(s). Where stdnum's rules differ
from docs/rules.md the project's rule wins, and the case carries a `stdnum_differs` note explaining why (the note
is checked too: a case that claims a difference must really differ).

Known differences between python-stdnum 2.x and the contract (the contract wins each time):
- br.cpf accepts all-equal digits other than zeros (111.111.111-11); the contract rejects all-equal CPFs.
- ar.cuit maps a computed check of 10 to the digit 9 ('012345678990'[11 - r]); the contract says a
  check of 10 is invalid.
- mx.rfc accepts 10-character personal RFCs (no homoclave); the contract needs 12 or 13 characters.
- mx.curp only allows H/M as the sex letter (the contract allows X too), and uses '&' where the
  contract's alphabet has 'Ñ' at index 24 (no vector here contains either).
- co.nit needs a body of 7-15 digits (8-16 characters with the check); the contract allows 5-15.

Issue 20 (docs/validation.md, "Tax IDs: the rules around the check digits") brought the contract to
stdnum's side on the CUIT prefixes, the CURP's state codes, inconvenient words and century marker, the
RFC's inconvenient words, the CUI's verification character and the NIT's dash separators; the ten-digit
dash-less NIT (first digit 8 or 9) is checked with stdnum's co.nit, and the repeated-digit CNPJ with
stdnum's br.cnpj (which refuses the only such CNPJ whose check digits add up, all zeros).
"""

from __future__ import annotations

from common import Cases, VectorError

from stdnum.pe import cui as sn_cui

from tax_id_rules import (
    CURP_STATES, ISO_3166_1_ALPHA2, cui_check, check_digits_agree, compact, cpf_check, cuit_check, make_cnpj, make_cpf,
    make_curp, make_cuit, make_nit, make_ruc, make_rut, nit_check, rut_check, stdnum_kind,
    validate_tax_id, wrong,
)

STATS: dict = {"cross_checked": 0, "differs": []}


def gen_validate_tax_id() -> Cases:
    c = Cases("validate_tax_id", "validate_tax_id(value, country): the document kind (CPF, CNPJ, RUT, CUIT, DNI, RFC, "
              "CURP, CC, NIT, RUC, or OTHER for countries without a rule), else INVALID_TAX_ID / INVALID_COUNTRY")

    def case(name, value, country, expect=None, stdnum_differs=None):
        args = {"value": value, "country": country}
        kind_or_error = None
        try:
            kind_or_error = validate_tax_id(value, country)
        except VectorError as e:
            kind_or_error = e.code
        if country in ISO_3166_1_ALPHA2:
            check_digits_agree(value, country)
            theirs = stdnum_kind(value, country)
            if theirs != "n/a":
                STATS["cross_checked"] += 1
                if stdnum_differs is not None:
                    STATS["differs"].append(name)
                mine = None if kind_or_error == "INVALID_TAX_ID" else kind_or_error
                if stdnum_differs is None:
                    assert mine == theirs, f"{name}: mine {mine}, stdnum {theirs}"
                else:
                    assert mine != theirs, f"{name}: claims stdnum differs, but both say {mine}"
            else:
                assert stdnum_differs is None, name
        c.run(name, args, validate_tax_id, value, country, **({} if expect is None else {"expect": expect}))

    INV = "INVALID_TAX_ID"

    # ---- BR: CPF ----
    case("BR CPF seed example punctuated", "123.456.789-09", "BR", expect="CPF")
    case("BR CPF seed example bare", "12345678909", "BR", expect="CPF")
    case("BR CPF with surrounding spaces", " 123.456.789-09 ", "BR", expect="CPF")
    case("BR CPF with spaces as separators", "123 456 789 09", "BR", expect="CPF")
    case("BR CPF with a slash", "123.456.789/09", "BR", expect="CPF")
    for body in ["529982247", "111444777", "935411347", "000000191", "390533447"]:
        cpf = make_cpf(body)
        case(f"BR CPF valid {cpf}", cpf, "BR", expect="CPF")
    cpf = make_cpf("529982247")
    case("BR CPF valid bare from computed digits", compact(cpf), "BR", expect="CPF")
    case("BR CPF wrong first check digit", cpf[:-2] + wrong(cpf[-2]) + cpf[-1], "BR", expect=INV)
    case("BR CPF wrong second check digit", cpf[:-1] + wrong(cpf[-1]), "BR", expect=INV)
    case("BR CPF check digits swapped", "123.456.789-90", "BR", expect=INV)
    case("BR CPF A55 doc example 111.222.333-44 (seed 002) fails", "111.222.333-44", "BR", expect=INV)
    case("BR CPF A55 doc example 12345678901 fails", "12345678901", "BR", expect=INV)
    case("BR CPF all ones 111.111.111-11 is invalid", "111.111.111-11", "BR", expect=INV,
         stdnum_differs="stdnum accepts all-equal digits; the contract rejects them")
    case("BR CPF all nines is invalid", "99999999999", "BR", expect=INV,
         stdnum_differs="stdnum accepts all-equal digits; the contract rejects them")
    case("BR CPF all zeros is invalid", "000.000.000-00", "BR", expect=INV)
    case("BR CPF with 10 digits", "1234567890", "BR", expect=INV)
    case("BR CPF with 12 digits", "123456789091", "BR", expect=INV)
    case("BR CPF with a letter", "123.456.789-0A", "BR", expect=INV)
    case("BR CPF with an underscore", "123.456.789_09", "BR", expect=INV)
    case("BR CPF with commas", "123,456,789-09", "BR", expect=INV)
    case("BR empty value", "", "BR", expect=INV)
    case("BR blank value", "   ", "BR", expect=INV)
    # ---- BR: CNPJ ----
    case("BR CNPJ classic punctuated", "11.222.333/0001-81", "BR", expect="CNPJ")
    case("BR CNPJ classic bare", "11222333000181", "BR", expect="CNPJ")
    case("BR CNPJ Banco do Brasil", "00.000.000/0001-91", "BR", expect="CNPJ")
    case("BR CNPJ alphanumeric Receita Federal example", "12.ABC.345/01DE-35", "BR", expect="CNPJ")
    case("BR CNPJ alphanumeric bare", "12ABC34501DE35", "BR", expect="CNPJ")
    case("BR CNPJ alphanumeric lower-case letters", "12.abc.345/01de-35", "BR", expect="CNPJ")
    case("BR CNPJ alphanumeric with spaces", "12 ABC 345 01DE 35", "BR", expect="CNPJ")
    for body in ["ABCDEFGHIJKL", "A1B2C3D4E5F6", "Z9Y8X7W6V5U4", "000000010001", "9876543200AA"]:
        cnpj = make_cnpj(body)
        case(f"BR CNPJ valid {cnpj}", cnpj, "BR", expect="CNPJ")
    cnpj = make_cnpj("ABCDEFGHIJKL")
    case("BR CNPJ alphanumeric wrong first check digit", cnpj[:-2] + wrong(cnpj[-2]) + cnpj[-1], "BR", expect=INV)
    case("BR CNPJ alphanumeric wrong second check digit", cnpj[:-1] + wrong(cnpj[-1]), "BR", expect=INV)
    case("BR CNPJ classic wrong check digit", "11.222.333/0001-82", "BR", expect=INV)
    case("BR CNPJ alphanumeric example with swapped check digits", "12.ABC.345/01DE-53", "BR", expect=INV)
    case("BR CNPJ letters in the check digits", "12ABC34501DE3A", "BR", expect=INV)
    case("BR CNPJ with 13 characters", "1222333000181", "BR", expect=INV)
    case("BR CNPJ with 15 characters", "112223330001811", "BR", expect=INV)
    # Issue 20: one character repeated is refused for a CNPJ, as for a CPF.
    case("BR CNPJ all zeros is invalid", "00.000.000/0000-00", "BR", expect=INV)
    case("BR CNPJ all zeros bare is invalid", "00000000000000", "BR", expect=INV)
    for ch in "123456789":
        case(f"BR CNPJ all {ch} is invalid", ch * 14, "BR", expect=INV)
    case("BR CNPJ all letters A is invalid", "A" * 14, "BR", expect=INV)
    case("BR CNPJ twelve zeros then 0001 (Banco do Brasil) stays valid", "00.000.000/0001-91", "BR", expect="CNPJ")
    case("BR CNPJ with a symbol", "12.ABC.345/01D*-35", "BR", expect=INV)

    # ---- CL: RUT ----
    case("CL RUT punctuated", "12.345.678-5", "CL", expect="RUT")
    case("CL RUT with dash only", "12345678-5", "CL", expect="RUT")
    case("CL RUT bare", "123456785", "CL", expect="RUT")
    for body in ["7654321", "30686957", "11111111", "9999999"]:
        rut = make_rut(body)
        case(f"CL RUT valid {rut}", rut, "CL", expect="RUT")
    k_bodies = [b for b in (str(n) for n in range(10_000_000, 10_000_200)) if rut_check(b) == "K"]
    k_body = k_bodies[0]
    rut_k = make_rut(k_body)
    assert rut_k.endswith("K")
    case(f"CL RUT with check K {rut_k}", rut_k, "CL", expect="RUT")
    case("CL RUT with lower-case k", rut_k.lower(), "CL", expect="RUT")
    k7 = [b for b in (str(n) for n in range(1_000_000, 1_000_200)) if rut_check(b) == "K"][0]
    case(f"CL RUT 7-digit body with K {make_rut(k7)}", make_rut(k7), "CL", expect="RUT")
    zero_body = [b for b in (str(n) for n in range(20_000_000, 20_000_200)) if rut_check(b) == "0"][0]
    case(f"CL RUT with check 0 {make_rut(zero_body)}", make_rut(zero_body), "CL", expect="RUT")
    case("CL RUT wrong check digit", "12.345.678-6", "CL", expect=INV)
    case("CL RUT K where a digit is due", "12.345.678-K", "CL", expect=INV)
    case("CL RUT digit where K is due", rut_k[:-1] + "0", "CL", expect=INV)
    case("CL RUT 6-digit body", make_rut("999999"), "CL", expect=INV)
    case("CL RUT 9-digit body", make_rut("123456789"), "CL", expect=INV)
    case("CL RUT letter in the body", "12.34A.678-5", "CL", expect=INV)

    # ---- AR: CUIT / DNI ----
    case("AR CUIT punctuated", "20-12345678-6", "AR", expect="CUIT")
    case("AR CUIT bare", "20123456786", "AR", expect="CUIT")
    case("AR CUIT with check 0 (11 -> 0)", "27-12345678-0", "AR", expect="CUIT")
    for body in ["3071234567", "2312345678", "3350012345", "2040937847"]:
        if cuit_check(body) is None:
            continue
        cu = make_cuit(body)
        case(f"AR CUIT valid {cu}", cu, "AR", expect="CUIT")
    # Issue 20: only the type prefixes AFIP issues.
    for prefix in ["20", "23", "24", "27", "30", "33", "34", "50", "51", "55"]:
        body = next(b for b in (f"{prefix}{n:08d}" for n in range(40937847, 40938047)) if cuit_check(b) is not None)
        case(f"AR CUIT prefix {prefix} is issued ({make_cuit(body)})", make_cuit(body), "AR", expect="CUIT")
    for prefix in ["99", "10", "21", "25", "31", "40", "56", "60"]:
        body = next(b for b in (f"{prefix}{n:08d}" for n in range(12345678, 12345878)) if cuit_check(b) is not None)
        case(f"AR CUIT prefix {prefix} is not issued, check digit right ({make_cuit(body)})", make_cuit(body), "AR",
             expect=INV)
    ten = [b for b in (f"20{n:08d}" for n in range(12345678, 12345978)) if cuit_check(b) is None][0]
    case(f"AR CUIT whose check would be 10 is invalid ({ten}9)", f"{ten[:2]}-{ten[2:]}-9", "AR", expect=INV,
         stdnum_differs="stdnum maps a check of 10 to 9; the contract says 10 is invalid")
    case(f"AR CUIT whose check would be 10 is invalid ({ten}0)", f"{ten[:2]}-{ten[2:]}-0", "AR", expect=INV)
    case("AR CUIT A55 doc example 27123456789 fails", "27123456789", "AR", expect=INV)
    case("AR CUIT A55 doc example 20123456789 fails", "20123456789", "AR", expect=INV)
    case("AR CUIT wrong check digit", "20-12345678-7", "AR", expect=INV)
    case("AR DNI 8 digits punctuated", "12.345.678", "AR", expect="DNI")
    case("AR DNI 8 digits bare", "12345678", "AR", expect="DNI")
    case("AR DNI 7 digits", "1234567", "AR", expect="DNI")
    case("AR DNI 7 digits punctuated", "1.234.567", "AR", expect="DNI")
    case("AR 6 digits is neither", "123456", "AR", expect=INV)
    case("AR 9 digits is neither", "123456789", "AR", expect=INV)
    case("AR 10 digits is neither", "2012345678", "AR", expect=INV)
    case("AR 12 digits is neither", "201234567861", "AR", expect=INV)
    case("AR DNI with a letter", "1234567A", "AR", expect=INV)

    # ---- MX: RFC ----
    case("MX RFC person", "GODE561231GR8", "MX", expect="RFC")
    case("MX RFC person lower-case", "gode561231gr8", "MX", expect="RFC")
    case("MX RFC person with spaces", "GODE 561231 GR8", "MX", expect="RFC")
    case("MX RFC person with dashes", "GODE-561231-GR8", "MX", expect="RFC")
    case("MX RFC company", "ABC680524P76", "MX", expect="RFC")
    case("MX RFC company with ampersand", "A&C010101AB1", "MX", expect="RFC")
    case("MX RFC person with Ñ", "ÑAÑE850101AB1", "MX", expect="RFC")
    case("MX RFC person with lower-case ñ", "ñañe850101ab1", "MX", expect="RFC")
    case("MX RFC company with Ñ", "ÑAÑ010101AB1", "MX", expect="RFC")
    case("MX RFC generic national XAXX010101000", "XAXX010101000", "MX", expect="RFC")
    case("MX RFC generic foreign XEXX010101000", "XEXX010101000", "MX", expect="RFC")
    case("MX RFC February 29th 2000 (YY 00 is a leap year)", "GODE000229GR8", "MX", expect="RFC")
    case("MX RFC February 29th 2028", "GODE280229GR8", "MX", expect="RFC")
    case("MX RFC February 29th in a common year", "GODE010229GR8", "MX", expect=INV)
    case("MX RFC February 30th", "GODE560230GR8", "MX", expect=INV)
    case("MX RFC company February 30th", "ABC680230P76", "MX", expect=INV)
    case("MX RFC month 13", "GODE561331GR8", "MX", expect=INV)
    case("MX RFC day 00", "GODE561200GR8", "MX", expect=INV)
    case("MX RFC without homoclave (10 characters)", "GODE561231", "MX", expect=INV,
         stdnum_differs="stdnum accepts the 10-character personal RFC; the contract needs 12 or 13")
    case("MX RFC 11 characters", "GODE561231G", "MX", expect=INV)
    case("MX RFC 14 characters", "GODE561231GR8X", "MX", expect=INV)
    case("MX RFC digit among the person's letters", "G0DE561231GR8", "MX", expect=INV)
    case("MX RFC letter in the date", "GODE56I231GR8", "MX", expect=INV)
    case("MX RFC symbol in the homoclave", "GODE561231GR*", "MX", expect=INV)

    # ---- MX: CURP ----
    for body in ["BADD110313HCMLNS0", "GARC850101HDFRRL0", "PEGJ900512MJCRRN0", "LOOA531113HTCPBN0", "MAAR790213MMNRRL0"]:
        curp = make_curp(body)
        case(f"MX CURP valid {curp}", curp, "MX", expect="CURP")
    case("MX CURP lower-case", make_curp("PEGJ900512MJCRRN0").lower(), "MX", expect="CURP")
    case("MX CURP with spaces", " ".join([make_curp("PEGJ900512MJCRRN0")[i:i + 6] for i in (0, 6, 12)]), "MX", expect="CURP")
    case("MX CURP with letter in position 17 (born 2000 or later)", make_curp("PEGJ050512MJCRRNA"), "MX", expect="CURP")
    case("MX CURP sex X", make_curp("PEGJ900512XJCRRN0"), "MX", expect="CURP",
         stdnum_differs="stdnum only allows H/M; the contract allows H/M/X")
    # Issue 20: the century marker (position 17: a digit for 19YY, a letter for 20YY).
    case("MX CURP February 29th 1900 (YY 00, digit marker) does not exist", make_curp("PEGJ000229MJCRRN0"), "MX",
         expect=INV)
    case("MX CURP February 29th 2000 (YY 00, letter marker) is real", make_curp("PEGJ000229MJCRRNA"), "MX",
         expect="CURP")
    case("MX CURP February 29th 1904 (digit marker) is real", make_curp("PEGJ040229MJCRRN0"), "MX", expect="CURP")
    case("MX CURP February 29th 1996 (digit marker) is real", make_curp("PEGJ960229MJCRRN0"), "MX", expect="CURP")
    case("MX CURP February 29th 2096 (letter marker) is real", make_curp("PEGJ960229MJCRRNB"), "MX", expect="CURP")
    case("MX CURP February 29th 2001 (letter marker) does not exist", make_curp("PEGJ010229MJCRRNA"), "MX",
         expect=INV)
    # Issue 20: the state code is one of the 32 states or NE (born abroad).
    for state in sorted(CURP_STATES):
        curp = make_curp(f"PEGJ900512M{state}RRN0")
        case(f"MX CURP state {state} ({curp})", curp, "MX", expect="CURP")
    for state in ["XX", "ZZ", "DX", "EX", "MX", "NA"]:
        curp = make_curp(f"PEGJ900512M{state}RRN0")
        case(f"MX CURP unknown state {state}, check digit right ({curp})", curp, "MX", expect=INV)
    # Issue 20: RENAPO's inconvenient words never start a CURP; the SAT's never start a person's RFC.
    for word in ["BACA", "CACA", "LOCO", "MULA", "PUTO", "WUEY"]:
        curp = make_curp(f"{word}900512HDFRRN0")
        case(f"MX CURP starting with the inconvenient word {word} ({curp})", curp, "MX", expect=INV)
    for word in ["BECA", "LUCA", "PUTE"]:
        curp = make_curp(f"{word}900512HDFRRN0")
        case(f"MX CURP starting with {word}, not an inconvenient word ({curp})", curp, "MX", expect="CURP")
    for word in ["CACA", "PUTO", "MEON", "RUIN"]:
        case(f"MX RFC person starting with the inconvenient word {word}", f"{word}561231GR8", "MX", expect=INV)
    case("MX RFC person starting with LOCO (RENAPO's list, not the SAT's)", "LOCO561231GR8", "MX", expect="RFC")
    case("MX RFC company starting with PUT (a company's RFC has 3 letters)", "PUT561231GR8", "MX", expect="RFC")
    case("MX RFC person inconvenient word in lower case", "puto561231gr8", "MX", expect=INV)
    case("MX CURP February 29th in a common year", make_curp("PEGJ010229MJCRRN0"), "MX", expect=INV)
    case("MX CURP February 30th", make_curp("PEGJ900230MJCRRN0"), "MX", expect=INV)
    case("MX CURP month 00", make_curp("PEGJ900012MJCRRN0"), "MX", expect=INV)
    curp = make_curp("GARC850101HDFRRL0")
    assert curp != "GARC850101HDFRRL09"
    case("MX CURP A55 doc example GARC850101HDFRRL09 fails", "GARC850101HDFRRL09", "MX", expect=INV)
    case("MX CURP wrong check digit", curp[:-1] + wrong(curp[-1]), "MX", expect=INV)
    case("MX CURP sex Z", make_curp("PEGJ900512ZJCRRN0"), "MX", expect=INV)
    case("MX CURP digit among the name letters", make_curp("P3GJ900512MJCRRN0"), "MX", expect=INV)
    case("MX CURP letter as check digit", "PEGJ900512MJCRRN0A", "MX", expect=INV)
    case("MX CURP 17 characters", "PEGJ900512MJCRRN0", "MX", expect=INV)
    case("MX CURP 19 characters", make_curp("PEGJ900512MJCRRN0") + "1", "MX", expect=INV)
    case("MX empty value", "", "MX", expect=INV)

    # ---- CO: NIT / CC ----
    case("CO NIT DIAN punctuated", "800.197.268-4", "CO", expect="NIT")
    case("CO NIT with dash only", "800197268-4", "CO", expect="NIT")
    case("CO NIT wrong check digit", "800.197.268-5", "CO", expect=INV)
    for body in ["900373115", "860034313", "890903938", "8600343131"]:
        nit = make_nit(body)
        case(f"CO NIT valid {nit}", nit, "CO", expect="NIT")
    r0 = [b for b in (str(n) for n in range(900000000, 900000300)) if nit_check(b) == "0"][0]
    r1 = [b for b in (str(n) for n in range(900000000, 900000300)) if nit_check(b) == "1"][0]
    case(f"CO NIT with remainder 0 keeps 0 ({make_nit(r0)})", make_nit(r0), "CO", expect="NIT")
    case(f"CO NIT with remainder 1 keeps 1 ({make_nit(r1)})", make_nit(r1), "CO", expect="NIT")
    case("CO NIT with check 0 where remainder 1 gives 1", make_nit(r1)[:-1] + "0", "CO", expect=INV)
    case("CO NIT 5-digit body", make_nit("12345"), "CO", expect="NIT",
         stdnum_differs="stdnum needs a body of at least 7 digits; the contract allows 5")
    case("CO NIT 6-digit body", make_nit("123456"), "CO", expect="NIT",
         stdnum_differs="stdnum needs a body of at least 7 digits; the contract allows 5")
    case("CO NIT 15-digit body", make_nit("123456789012345"), "CO", expect="NIT")
    case("CO NIT 4-digit body", make_nit("1234"), "CO", expect=INV)
    case("CO NIT 16-digit body", make_nit("1234567890123456"), "CO", expect=INV)
    case("CO NIT with a letter in the body", "800.197.26A-4", "CO", expect=INV)
    case("CO NIT with a letter as check", "800.197.268-A", "CO", expect=INV)
    case("CO NIT dash with no check digit", "800197268-", "CO", expect=INV)
    case("CO CC 10 digits", "1020304050", "CO", expect="CC")
    case("CO CC 6 digits", "123456", "CO", expect="CC")
    case("CO CC 8 digits", "79123456", "CO", expect="CC")
    case("CO CC with dots", "1.020.304.050", "CO", expect="CC")
    # Issue 20: ten digits starting with 8 or 9 (no CC has that) are a NIT with its check digit last.
    case("CO NIT ten digits without the dash (starts with 8)", "8001972684", "CO", expect="NIT")
    case("CO NIT ten digits without the dash, wrong check digit", "8001972685", "CO", expect=INV)
    case("CO NIT ten digits with dots, no dash", "800.197.268.4", "CO", expect="NIT")
    for body in ["900373115", "860034313", "890903938", "830036334"]:
        bare = body + nit_check(body)
        case(f"CO NIT ten digits without the dash {bare}", bare, "CO", expect="NIT")
        case(f"CO NIT ten digits without the dash {bare[:-1]}{wrong(bare[-1])}, wrong check digit",
             bare[:-1] + wrong(bare[-1]), "CO", expect=INV)
    case("CO CC ten digits starting with 1 stays a CC", "1098765432", "CO", expect="CC")
    case("CO CC nine digits starting with 8 stays a CC", "800197268", "CO", expect="CC")
    # Issue 20: dashes as thousands separators in a NIT.
    body = "830036334"
    dashed = f"{body[:3]}.{body[3:6]}-{body[6:]}-{nit_check(body)}"
    case(f"CO NIT with a dash as a thousands separator {dashed}", dashed, "CO", expect="NIT")
    case("CO NIT with dashes for every separator", f"{body[:3]}-{body[3:6]}-{body[6:]}-{nit_check(body)}", "CO",
         expect="NIT")
    case("CO NIT dash-separated, wrong check digit", dashed[:-1] + wrong(dashed[-1]), "CO", expect=INV)
    case("CO NIT dash-separated 800-197-268-4", "800-197-268-4", "CO", expect="NIT")
    case("CO CC 5 digits", "12345", "CO", expect=INV)
    case("CO bare 11-digit number is neither CC nor NIT", "12345678901", "CO", expect=INV)
    case("CO CC with a letter", "1020304O50", "CO", expect=INV)

    # ---- PE: RUC / DNI ----
    case("PE RUC company prefix 20", "20100070970", "PE", expect="RUC")
    case("PE RUC with dashes", "20-10007097-0", "PE", expect="RUC")
    for prefix_body in ["1012345678", "1500000001", "1700000002", "2060123456", "2013123456"]:
        ruc = make_ruc(prefix_body)
        case(f"PE RUC valid prefix {prefix_body[:2]} {ruc}", ruc, "PE", expect="RUC")
    case("PE RUC prefix 30 is not allowed", make_ruc("3010007097"), "PE", expect=INV)
    case("PE RUC prefix 11 is not allowed", make_ruc("1112345678"), "PE", expect=INV)
    case("PE RUC wrong check digit", "20100070971", "PE", expect=INV)
    case("PE DNI 8 digits", "12345678", "PE", expect="DNI")
    case("PE DNI 8 digits with leading zero", "01234567", "PE", expect="DNI")
    case("PE 7 digits is neither", "1234567", "PE", expect=INV)
    # Issue 20: the CUI, the DNI with the verification character printed on the ID card.
    cui = cui_check("12345678")
    assert cui == sn_cui.calc_check_digits("12345678") == "1E"
    case("PE DNI with its CUI digit after a dash", "12345678-1", "PE", expect="DNI")
    case("PE DNI with its CUI letter", "12345678E", "PE", expect="DNI")
    case("PE DNI with its CUI letter in lower case after a dash", "12345678-e", "PE", expect="DNI")
    case("PE DNI with a wrong CUI digit", "12345678-2", "PE", expect=INV)
    case("PE DNI with a wrong CUI letter", "12345678K", "PE", expect=INV)
    for n in [10000000, 10000001, 10000002, 10000003, 10000005, 10000006, 41234567, 7012345]:
        body = f"{n:08d}"
        d, letter = cui_check(body)
        case(f"PE DNI {body} with its CUI digit {d}", f"{body}-{d}", "PE", expect="DNI")
        case(f"PE DNI {body} with its CUI letter {letter}", f"{body}{letter}", "PE", expect="DNI")
        other = next(x for x in "0123456789" if x != d)
        case(f"PE DNI {body} with a wrong CUI digit {other}", f"{body}-{other}", "PE", expect=INV)
    case("PE DNI with a CUI character and a letter in the body", "1234567A-1", "PE", expect=INV)
    case("PE DNI with two CUI characters", "12345678-1E", "PE", expect=INV)
    case("PE 10 digits is neither", "1234567890", "PE", expect=INV)
    case("PE DNI with a letter", "1234567A", "PE", expect=INV)

    # ---- other countries ----
    case("US any text is OTHER", "123-45-6789", "US", expect="OTHER")
    case("US free text is OTHER", "anything at all", "US", expect="OTHER")
    case("US single character is OTHER", "x", "US", expect="OTHER")
    case("DE VAT number is OTHER", "DE123456789", "DE", expect="OTHER")
    case("GB is OTHER", "AB123456C", "GB", expect="OTHER")
    case("UY is OTHER", "211234560018", "UY", expect="OTHER")
    case("ES is OTHER", "12345678Z", "ES", expect="OTHER")
    case("US blank value is invalid", "   ", "US", expect=INV)
    case("US empty value is invalid", "", "US", expect=INV)
    case("country XX is not an ISO code", "123.456.789-09", "XX", expect="INVALID_COUNTRY")
    case("country ZZ (user-assigned) is not an ISO code", "anything", "ZZ", expect="INVALID_COUNTRY")
    case("country lower-case br", "123.456.789-09", "br", expect="INVALID_COUNTRY")
    case("country mixed-case Br", "123.456.789-09", "Br", expect="INVALID_COUNTRY")
    case("country alpha-3 BRA", "123.456.789-09", "BRA", expect="INVALID_COUNTRY")
    case("country empty", "123.456.789-09", "", expect="INVALID_COUNTRY")
    case("country one letter", "123.456.789-09", "B", expect="INVALID_COUNTRY")
    case("country numeric 076", "123.456.789-09", "076", expect="INVALID_COUNTRY")
    case("country with trailing space", "123.456.789-09", "BR ", expect="INVALID_COUNTRY")
    case("country is checked before the value", "", "XX", expect="INVALID_COUNTRY")
    return c


def generate() -> list[Cases]:
    cases = gen_validate_tax_id()
    print(f"  validate_tax_id: {STATS['cross_checked']} cases cross-checked with python-stdnum, "
          f"{len(STATS['differs'])} where the contract deliberately differs from stdnum")
    return [cases]
