"""parse_pix_brcode vectors (tests/vectors/README.md "parse_pix_brcode"; docs/rules.md "PIX BR Codes").

BR Codes are built here from TLV parts with this file's own CRC16-CCITT-FALSE (poly 0x1021, init
0xFFFF, no reflection, no final xor), computed over the UTF-8 text up to and including "6304". The CRC
implementation is checked against the standard check value of "123456789" (0x29B1) and against the BCB
manual's example code, whose CRC is 1D3D. Expected results come from this file's own parser, which
also applies the limits of EMV MPM and the Pix manual listed in docs/rules.md ("PIX BR Codes"): amount
syntax, non-empty key or URL, point of initiation 11 or 12, a 4-digit merchant category code, no
sub-field twice in a template, well-formed templates 26-51, 62, 64 and 80-99, at most 512 characters,
name 25, city 15, a txid of *** or 1-25 letters and digits in a required field 62, no control
characters; spaces, tabs and line ends around the code are trimmed. Lengths count characters (code
points); the CRC is over the UTF-8 bytes.
"""

from __future__ import annotations

import re

from common import Cases, VectorError

RESULT_KEYS = ["payload_format_indicator", "point_of_initiation_method", "gui", "key", "url", "description",
               "merchant_category_code", "transaction_currency", "amount", "country_code", "merchant_name",
               "merchant_city", "postal_code", "txid", "crc"]


def crc16_ccitt_false(data: bytes) -> int:
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


assert crc16_ccitt_false(b"123456789") == 0x29B1  # the catalogued check value of CRC-16/CCITT-FALSE


def tlv(tag: str, value: str) -> str:
    assert len(tag) == 2 and len(value) <= 99
    return f"{tag}{len(value):02d}{value}"


def with_crc(body: str, lower: bool = False) -> str:
    text = body + "6304"
    crc = f"{crc16_ccitt_false(text.encode('utf-8')):04X}"
    return text + (crc.lower() if lower else crc)


def _split(text: str) -> list[tuple[str, str]]:
    out = []
    i = 0
    while i < len(text):
        if i + 4 > len(text):
            raise VectorError("INVALID_BR_CODE")
        tag, length = text[i:i + 2], text[i + 2:i + 4]
        if not re.fullmatch(r"[0-9]{2}", tag, re.ASCII) or not re.fullmatch(r"[0-9]{2}", length, re.ASCII):
            raise VectorError("INVALID_BR_CODE")
        n = int(length)
        if i + 4 + n > len(text):
            raise VectorError("INVALID_BR_CODE")
        out.append((tag, text[i + 4:i + 4 + n]))
        i += 4 + n
    return out


MAX_CHARS = 512  # EMV MPM's longest payload, in characters
TEMPLATE_TAGS = {f"{n:02d}" for n in [*range(26, 52), 62, 64, *range(80, 100)]}
AMOUNT = re.compile(r"[0-9]+(\.[0-9]{1,2})?", re.ASCII)
TXID = re.compile(r"\*\*\*|[A-Za-z0-9]{1,25}", re.ASCII)
MCC = re.compile(r"[0-9]{4}", re.ASCII)


def _is_control(ch: str) -> bool:
    """Unicode general category Cc: C0 controls, DEL and C1 controls."""
    return ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F


def _template(value: str) -> dict[str, str]:
    """Sub-fields of a template: well-formed TLV, no id twice."""
    sub = _split(value)
    tags = [t for t, _ in sub]
    if len(set(tags)) != len(tags):
        raise VectorError("INVALID_BR_CODE")
    return dict(sub)


def parse_pix_brcode(text: str) -> dict:
    if not isinstance(text, str):
        raise VectorError("INVALID_BR_CODE")
    text = text.strip(" \t\r\n")  # what a payer's copy-paste adds around a code
    if text == "" or len(text) > MAX_CHARS or any(_is_control(ch) for ch in text):
        raise VectorError("INVALID_BR_CODE")
    fields = _split(text)
    tags = [t for t, _ in fields]
    if len(set(tags)) != len(tags):
        raise VectorError("INVALID_BR_CODE")
    top = dict(fields)
    if tags[0] != "00" or top["00"] != "01":
        raise VectorError("INVALID_BR_CODE")
    if tags[-1] != "63" or len(top["63"]) != 4 or not re.fullmatch(r"[0-9A-Fa-f]{4}", top["63"], re.ASCII):
        raise VectorError("INVALID_BR_CODE")
    before = text[: len(text) - 4]
    assert before.endswith("6304")
    if int(top["63"], 16) != crc16_ccitt_false(before.encode("utf-8")):
        raise VectorError("INVALID_BR_CODE")
    templates = {tag: _template(value) for tag, value in fields if tag in TEMPLATE_TAGS}
    pix = None
    for tag, value in fields:
        if 26 <= int(tag) <= 51 and templates[tag].get("00", "").lower() == "br.gov.bcb.pix":
            pix = templates[tag]
            break
    if pix is None or ("01" not in pix and "25" not in pix) or pix.get("01") == "" or pix.get("25") == "":
        raise VectorError("INVALID_BR_CODE")
    if top.get("53") != "986" or top.get("58") != "BR" or not top.get("59") or not top.get("60"):
        raise VectorError("INVALID_BR_CODE")
    poi = top.get("01")
    if poi not in (None, "11", "12"):
        raise VectorError("INVALID_BR_CODE")
    if not MCC.fullmatch(top.get("52", "")):
        raise VectorError("INVALID_BR_CODE")
    if len(top["59"]) > 25 or len(top["60"]) > 15:
        raise VectorError("INVALID_BR_CODE")
    txid = templates.get("62", {}).get("05")
    if txid is None or not TXID.fullmatch(txid):  # field 62 and its txid are required
        raise VectorError("INVALID_BR_CODE")
    if "54" in top and not (len(top["54"]) <= 13 and AMOUNT.fullmatch(top["54"])):
        raise VectorError("INVALID_BR_CODE")
    return {
        "payload_format_indicator": top["00"],
        "point_of_initiation_method": poi,
        "gui": pix["00"],
        "key": pix.get("01"),
        "url": pix.get("25"),
        "description": pix.get("02"),
        "merchant_category_code": top["52"],
        "transaction_currency": top["53"],
        "amount": top.get("54"),
        "country_code": top["58"],
        "merchant_name": top["59"],
        "merchant_city": top["60"],
        "postal_code": top.get("61"),
        "txid": txid,
        "crc": top["63"].upper(),
    }


def build(*, poi=None, gui="br.gov.bcb.pix", key=None, url=None, description=None, mai_tag="26", extra_mai=(),
          mcc="0000", currency="986", amount=None, country="BR", name="FULANO DE TAL", city="BRASILIA",
          postal=None, txid="***", first=None, order=None) -> str:
    """Body of a BR Code (without 6304 + CRC), fields in the usual order unless `order` says otherwise."""
    mai = tlv("00", gui) if gui is not None else ""
    if key is not None:
        mai += tlv("01", key)
    if description is not None:
        mai += tlv("02", description)
    if url is not None:
        mai += tlv("25", url)
    parts = [("00", "01" if first is None else first)]
    if poi is not None:
        parts.append(("01", poi))
    parts.extend(extra_mai)
    parts.append((mai_tag, mai))
    if mcc is not None:
        parts.append(("52", mcc))
    if currency is not None:
        parts.append(("53", currency))
    if amount is not None:
        parts.append(("54", amount))
    if country is not None:
        parts.append(("58", country))
    if name is not None:
        parts.append(("59", name))
    if city is not None:
        parts.append(("60", city))
    if postal is not None:
        parts.append(("61", postal))
    if txid is not None:
        parts.append(("62", tlv("05", txid)))
    if order is not None:
        parts = order(parts)
    return "".join(tlv(t, v) for t, v in parts)


BCB_EXAMPLE = ("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR"
               "5913Fulano de Tal6008BRASILIA62070503***63041D3D")


def gen_parse_pix_brcode() -> Cases:
    c = Cases("parse_pix_brcode", "parse_pix_brcode(text): EMV TLV BR Code with CRC16-CCITT (0x1021, init 0xFFFF) "
              "over everything up to and including 6304; result keys as in the README")

    def case(name, text, expect=None, drop=()):
        kw = {} if expect is None else {"expect": expect}
        c.run(name, {"text": text}, parse_pix_brcode, text, **kw)
        if drop:
            for k in drop:
                del c.cases[-1]["ok"][k]

    # The BCB manual's example: its CRC must be what our CRC computes.
    assert with_crc(BCB_EXAMPLE[:-8]) == BCB_EXAMPLE
    assert build(key="123e4567-e12b-12d1-a456-426655440000", name="Fulano de Tal") == BCB_EXAMPLE[:-8]
    bcb = parse_pix_brcode(BCB_EXAMPLE)
    assert bcb["crc"] == "1D3D" and bcb["key"] == "123e4567-e12b-12d1-a456-426655440000" and bcb["txid"] == "***"
    case("BCB manual example (static, random key)", BCB_EXAMPLE, {
        "payload_format_indicator": "01", "point_of_initiation_method": None, "gui": "br.gov.bcb.pix",
        "key": "123e4567-e12b-12d1-a456-426655440000", "url": None, "description": None,
        "merchant_category_code": "0000", "transaction_currency": "986", "amount": None, "country_code": "BR",
        "merchant_name": "Fulano de Tal", "merchant_city": "BRASILIA", "postal_code": None, "txid": "***",
        "crc": "1D3D"})
    case("BCB manual example with lower-case CRC hex", BCB_EXAMPLE[:-4] + BCB_EXAMPLE[-4:].lower())

    key_uuid = "123e4567-e12b-12d1-a456-426655440000"
    url = "pix.example.com/qr/v2/9d36b84fc70b478fb95c12729b90ca25"
    case("static code with a key and an amount", with_crc(build(poi="11", key=key_uuid, amount="10.50")))
    case("static code with an e-mail key", with_crc(build(key="fulano@example.com", amount="1.00", txid="PEDIDO123")))
    case("static code with a CPF key", with_crc(build(key="12345678909")))
    case("static code with a phone key", with_crc(build(key="+5561999999999", amount="0.01")))
    case("static code with a description", with_crc(build(key=key_uuid, description="Pagamento do pedido 42", amount="99.90")))
    case("static code with a postal code", with_crc(build(key=key_uuid, postal="70040010", amount="5.00")))
    case("static code with a 25-character txid", with_crc(build(key=key_uuid, txid="ABCDEFGHIJKLMNOPQRSTUVWXY")))
    case("dynamic code with a location URL", with_crc(build(poi="12", url=url, amount="150.00", txid="***",
                                                            name="A55 LOJA DEMO", city="SAO PAULO")))
    case("dynamic code with a URL and no amount", with_crc(build(poi="12", url=url, txid="***")))
    case("dynamic code with a txid", with_crc(build(poi="12", url=url, amount="1234.56", txid="e2e0001abcDEF")))
    case("dynamic code with every optional field", with_crc(build(
        poi="12", url=url, description="Assinatura mensal", mcc="5411", amount="49.90", name="MERCADO DO ZE",
        city="RIO DE JANEIRO", postal="20040002", txid="ASSINATURA2026")))
    case("merchant name and city at EMV's maximum lengths", with_crc(build(
        key=key_uuid, name="ABCDEFGHIJKLMNOPQRSTUVWXY", city="ABCDEFGHIJKLMNO")))
    case("amount with one decimal is kept as written", with_crc(build(key=key_uuid, amount="7.5")))
    case("amount without decimals is kept as written", with_crc(build(key=key_uuid, amount="100")))
    case("large amount", with_crc(build(key=key_uuid, amount="999999999.99")))
    # The README says the GUI matches in any case but not whether `gui` is reported as written or
    # lower-cased, so this case leaves `gui` out of the expected object (unlisted keys are not checked).
    case("upper-case GUI is accepted", with_crc(build(key=key_uuid, gui="BR.GOV.BCB.PIX")), drop=("gui",))
    case("PIX template in id 27 after another arrangement in 26",
         with_crc(build(key=key_uuid, mai_tag="27", extra_mai=[("26", tlv("00", "br.com.example.wallet") + tlv("01", "abc"))])))
    case("PIX template in id 51", with_crc(build(key=key_uuid, mai_tag="51")))
    case("CRC with letters in lower case", _lower_crc_case())

    # Errors: structure.
    good = with_crc(build(key=key_uuid, amount="10.00"))
    case("error: empty string", "", "INVALID_BR_CODE")
    case("error: garbage", "hello world", "INVALID_BR_CODE")
    case("error: only digits", "0123456789", "INVALID_BR_CODE")
    case("error: only the CRC field", "63041D3D", "INVALID_BR_CODE")
    case("error: wrong CRC", good[:-4] + _other_crc(good[-4:]), "INVALID_BR_CODE")
    case("error: BCB example with a wrong CRC", BCB_EXAMPLE[:-4] + "1D3E", "INVALID_BR_CODE")
    case("error: one character of the body changed", good.replace("10.00", "10.01"), "INVALID_BR_CODE")
    case("error: truncated text", good[:-10], "INVALID_BR_CODE")
    case("error: CRC truncated to 3 digits", good[:-1], "INVALID_BR_CODE")
    case("error: trailing text after the CRC", good + "0", "INVALID_BR_CODE")
    case("trailing newline is trimmed", good + "\n")
    case("error: length runs past the end", with_crc(build(key=key_uuid) + "8099ABC"), "INVALID_BR_CODE")
    assert build(key=key_uuid).startswith("0002012658")
    case("error: non-digit length", with_crc(build(key=key_uuid).replace("2658", "26AB", 1)), "INVALID_BR_CODE")
    case("error: non-digit tag", with_crc(build(key=key_uuid).replace("5802BR", "X802BR")), "INVALID_BR_CODE")
    case("error: 00 is not first", with_crc(build(key=key_uuid, order=lambda p: p[1:2] + p[0:1] + p[2:])), "INVALID_BR_CODE")
    case("error: 00 missing", with_crc(build(key=key_uuid, order=lambda p: p[1:])), "INVALID_BR_CODE")
    case("error: 00 is 02", with_crc(build(key=key_uuid, first="02")), "INVALID_BR_CODE")
    body = build(key=key_uuid)
    case("error: 63 is not last", _crc_not_last(body), "INVALID_BR_CODE")
    case("error: 63 with length 5", body + "63051D3D0", "INVALID_BR_CODE")
    case("error: CRC is not hex", body + "6304ZZZZ", "INVALID_BR_CODE")
    case("error: no CRC at all", body, "INVALID_BR_CODE")
    case("error: no merchant account template", with_crc(build(gui=None, key=None, order=lambda p: [x for x in p if x[0] != "26"])), "INVALID_BR_CODE")
    case("error: template without the PIX GUI", with_crc(build(gui=None, key=key_uuid)), "INVALID_BR_CODE")
    case("error: GUI other than PIX", with_crc(build(gui="br.com.example", key=key_uuid)), "INVALID_BR_CODE")
    case("error: GUI similar to PIX", with_crc(build(gui="br.gov.bcb.pi", key=key_uuid)), "INVALID_BR_CODE")
    case("error: PIX GUI outside ids 26-51", with_crc(build(key=key_uuid, mai_tag="25")), "INVALID_BR_CODE")
    case("error: PIX template with neither key nor URL", with_crc(build()), "INVALID_BR_CODE")
    case("error: PIX template with only a description", with_crc(build(description="sem chave")), "INVALID_BR_CODE")
    case("error: currency 840 instead of 986", with_crc(build(key=key_uuid, currency="840")), "INVALID_BR_CODE")
    case("error: currency missing", with_crc(build(key=key_uuid, currency=None)), "INVALID_BR_CODE")
    case("error: country US", with_crc(build(key=key_uuid, country="US")), "INVALID_BR_CODE")
    case("error: country missing", with_crc(build(key=key_uuid, country=None)), "INVALID_BR_CODE")
    case("error: merchant name missing", with_crc(build(key=key_uuid, name=None)), "INVALID_BR_CODE")
    case("error: merchant city missing", with_crc(build(key=key_uuid, city=None)), "INVALID_BR_CODE")
    case("error: length inside the merchant template runs past it",
         with_crc(build(key=key_uuid).replace("0136123e4567", "0199123e4567")), "INVALID_BR_CODE")
    _issue_21_cases(case, key_uuid, url)
    return c


def _issue_21_cases(case, key_uuid: str, url: str) -> None:
    """Limits of EMV MPM and the Pix manual (docs/rules.md, "PIX BR Codes"), each with a CRC that is right."""
    good = with_crc(build(key=key_uuid, amount="10.00"))
    # Amount: digits, optionally "." and one or two decimals, at most 13 characters.
    for amount in [".", ".5", "5.", "1.234", "1,00", "-1.00", "+1.00", "1e3", "", " 1.00", "12345678901.00", "1.2.3"]:
        case(f"error: amount {amount!r} is not a decimal", with_crc(build(key=key_uuid, amount=amount)), "INVALID_BR_CODE")
    for amount in ["0.5", "5.05", "1234567890.12", "0"]:
        case(f"amount {amount!r} is a decimal", with_crc(build(key=key_uuid, amount=amount)))
    # Key and URL.
    case("error: empty PIX key", with_crc(build(key="")), "INVALID_BR_CODE")
    case("error: empty location URL", with_crc(build(poi="12", url="")), "INVALID_BR_CODE")
    case("error: empty URL beside a key", with_crc(build(key=key_uuid, url="")), "INVALID_BR_CODE")
    # Point of initiation method.
    for poi in ["13", "10", "1", "", "1A"]:
        case(f"error: point of initiation {poi!r}", with_crc(build(key=key_uuid, poi=poi)), "INVALID_BR_CODE")
    # Merchant category code.
    case("error: merchant category code missing", with_crc(build(key=key_uuid, mcc=None)), "INVALID_BR_CODE")
    for mcc in ["541", "54111", "54A1", "", "5 11"]:
        case(f"error: merchant category code {mcc!r}", with_crc(build(key=key_uuid, mcc=mcc)), "INVALID_BR_CODE")
    # Sub-fields repeated inside a template.
    gui = tlv("00", "br.gov.bcb.pix")
    mai = lambda inner: lambda p: [("26", inner) if t == "26" else (t, v) for t, v in p]  # noqa: E731
    add62 = lambda inner: lambda p: [("62", inner) if t == "62" else (t, v) for t, v in p]  # noqa: E731
    case("error: key repeated in the PIX template",
         with_crc(build(key=key_uuid, order=mai(gui + tlv("01", key_uuid) + tlv("01", "fulano@example.com")))), "INVALID_BR_CODE")
    case("error: GUI repeated in the PIX template",
         with_crc(build(key=key_uuid, order=mai(gui + gui + tlv("01", key_uuid)))), "INVALID_BR_CODE")
    case("error: URL repeated in the PIX template",
         with_crc(build(url="pix.example.com/a", order=mai(gui + tlv("25", "pix.example.com/a") + tlv("25", "pix.example.com/b")))), "INVALID_BR_CODE")
    case("error: txid repeated in field 62",
         with_crc(build(key=key_uuid, order=add62(tlv("05", "A1") + tlv("05", "B2")))), "INVALID_BR_CODE")
    case("error: other sub-field repeated in field 62",
         with_crc(build(key=key_uuid, order=add62(tlv("05", "A1") + tlv("50", "x") + tlv("50", "y")))), "INVALID_BR_CODE")
    case("error: sub-field repeated in another arrangement's template",
         with_crc(build(key=key_uuid, mai_tag="27", extra_mai=[("26", tlv("00", "br.com.example") + tlv("01", "a") + tlv("01", "b"))])),
         "INVALID_BR_CODE")
    case("field 62 with other sub-fields beside the txid",
         with_crc(build(key=key_uuid, order=add62(tlv("50", tlv("00", "br.gov.bcb.brcode") + tlv("01", "1.0.0")) + tlv("05", "A1")))))
    # Templates 64 and 80-99.
    body = build(key=key_uuid)
    lang = tlv("00", "PT") + tlv("01", "FULANA")
    case("well-formed template 64", with_crc(body + tlv("64", lang)))
    case("well-formed templates 80 and 99", with_crc(body + tlv("80", tlv("00", "br.com.example") + tlv("01", "x")) + tlv("99", tlv("00", "y"))))
    for tag, inner in [("64", "PT"), ("64", "0002PT0003AB"), ("64", lang + tlv("00", "EN")), ("80", "hello"),
                       ("90", "0005abc"), ("99", "00"), ("80", tlv("00", "a") + tlv("00", "b"))]:
        case(f"error: template {tag} holding {inner!r}", with_crc(body + tlv(tag, inner)), "INVALID_BR_CODE")
    # Lengths.
    padded_512 = _padded(body, 512)
    assert len(padded_512) == 512
    case("code of 512 characters (EMV's maximum)", padded_512)
    padded_513 = _padded(body, 513)
    assert len(padded_513) == 513
    case("error: code of 513 characters", padded_513, "INVALID_BR_CODE")
    case("error: merchant name of 26 characters", with_crc(build(key=key_uuid, name="ABCDEFGHIJKLMNOPQRSTUVWXYZ")), "INVALID_BR_CODE")
    case("error: merchant city of 16 characters", with_crc(build(key=key_uuid, city="ABCDEFGHIJKLMNOP")), "INVALID_BR_CODE")
    case("error: empty merchant name", with_crc(build(key=key_uuid, name="")), "INVALID_BR_CODE")
    case("merchant name with a trailing space inside its field", with_crc(build(key=key_uuid, name="FULANO ")))
    case("non-ASCII merchant name, 25 characters", with_crc(build(key=key_uuid, name="JOÃO DA SILVA ÇÁÉÍÓÚ ÂÊÔÕ")))
    case("error: non-ASCII merchant name, 26 characters", with_crc(build(key=key_uuid, name="JOÃO DA SILVA ÇÁÉÍÓÚ ÂÊÔÕÜ")), "INVALID_BR_CODE")
    # txid.
    for txid in ["ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abc-123", "abc 123", "**", "****", "", "ção", "a_b"]:
        case(f"error: txid {txid!r}", with_crc(build(key=key_uuid, txid=txid)), "INVALID_BR_CODE")
    case("txid of one character", with_crc(build(key=key_uuid, txid="x")))
    case("error: field 62 missing", with_crc(build(key=key_uuid, txid=None)), "INVALID_BR_CODE")
    case("error: field 62 without a txid", with_crc(build(key=key_uuid, order=add62(tlv("50", "x")))), "INVALID_BR_CODE")
    case("error: empty field 62", with_crc(build(key=key_uuid, order=add62(""))), "INVALID_BR_CODE")
    # Control characters anywhere.
    for ch, where in [("\t", "name"), ("\x01", "name"), ("\x7f", "description"), ("\x85", "description"), ("\n", "key"),
                      ("\r", "city")]:
        kw = {"key": key_uuid, where: {"name": "FULA" + ch + "NO", "city": "BRA" + ch + "SILIA", "description": "a" + ch + "b",
                                      "key": "fulano" + ch + "@example.com"}[where]}
        case(f"error: control character {ch!r} in the {where}", with_crc(build(**kw)), "INVALID_BR_CODE")
    # Surrounding whitespace is trimmed; inner whitespace is not.
    for pre, post, label in [("", "\r\n", "CR LF"), ("  ", "  ", "spaces"), ("\t", "\n\n", "tab and line ends"),
                             ("\n", "", "leading line end")]:
        case(f"surrounding whitespace is trimmed ({label})", pre + good + post)
    case("error: only whitespace", " \r\n\t ", "INVALID_BR_CODE")
    case("error: space between fields", good.replace("5802BR", " 5802BR"), "INVALID_BR_CODE")
    case("error: space inside the CRC", good[:-2] + " " + good[-2:], "INVALID_BR_CODE")
    case("error: no-break space after the code", good + "\u00a0", "INVALID_BR_CODE")
    case("error: form feed after the code", good + "\f", "INVALID_BR_CODE")


def _padded(body: str, total: int) -> str:
    """`body` plus unreserved templates 80, 81, ... (each well-formed) so that the code has `total` characters."""
    need = total - len(body) - 8  # 6304 + CRC
    parts = []
    tag = 80
    while need > 0:
        size = min(need, 4 + 99)
        if need - size in (1, 2, 3, 4, 5, 6, 7):  # leave room for one more complete template
            size = need - 8
        inner_len = size - 4  # the template's value: one sub-field 00 of inner_len - 4 characters
        parts.append(tlv(str(tag), tlv("00", "X" * (inner_len - 4))))
        need -= size
        tag += 1
    text = with_crc(body + "".join(parts))
    assert len(text) == total
    return text


def _other_crc(crc: str) -> str:
    v = (int(crc, 16) + 1) & 0xFFFF
    return f"{v:04X}"


def _crc_not_last(body: str) -> str:
    """A correct 63 field followed by another field (63 must be last)."""
    return with_crc(body) + tlv("99", "X")


def _lower_crc_case() -> str:
    # Pick the first txid whose CRC has at least one hex letter, and write the CRC in lower case.
    for i in range(100):
        text = with_crc(build(key="fulano@example.com", amount="25.00", txid=f"LOWER{i:02d}"), lower=True)
        if re.search(r"[a-f]", text[-4:]):
            return text
    raise AssertionError("no CRC with a letter")


def generate() -> list[Cases]:
    return [gen_parse_pix_brcode()]
