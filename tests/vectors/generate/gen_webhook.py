"""Webhook vectors: sign_webhook and verify_webhook (docs/client.md; tests/vectors/README.md "Webhooks").

Signatures are Python's `hmac` + `hashlib.sha256` over b"{timestamp}." + raw body (UTF-8), keyed with
the secret's UTF-8 bytes, written as lower-case hex. verify_webhook's checks run in the README's order:
no_secrets, malformed_timestamp, malformed_signature, signature_mismatch, timestamp_too_old /
timestamp_in_future, then the payload (INVALID_WEBHOOK_PAYLOAD).

Argument types: sign_webhook's `timestamp` is a JSON integer (Unix seconds); verify_webhook's
`timestamp` is the X-Webhook-Timestamp header text (a JSON string, so malformed values can be tested);
`secrets` is a list of strings; `now` and `tolerance_s` are integers (seconds).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re

from common import Cases, VectorError

NOW = 1795000000
SECRET = "whsec_emulator"
OLD_SECRET = "whsec_old_7f3a9c"
EVENT_KEYS = ["charge_uuid", "status", "transaction_reference", "subscription_uuid", "payment_link_uuid", "amount",
              "currency", "error_code", "error_message", "refund_amount", "chargeback_reason", "created_at",
              "updated_at", "dedup_key"]


def sign_webhook(raw_body: str, secret: str, timestamp: int) -> str:
    msg = f"{timestamp}.".encode("utf-8") + raw_body.encode("utf-8")
    return hmac.new(secret.encode("utf-8"), msg, hashlib.sha256).hexdigest()


def verify_webhook(raw_body: str, signature: str, timestamp: str, secrets: list, tolerance_s=None, now=NOW):
    tolerance = 300 if tolerance_s is None else tolerance_s
    if not secrets:
        raise VectorError("INVALID_WEBHOOK_SIGNATURE", "no_secrets")
    if not re.fullmatch(r"[0-9]+", timestamp, re.ASCII):
        raise VectorError("INVALID_WEBHOOK_SIGNATURE", "malformed_timestamp")
    if not re.fullmatch(r"[0-9a-fA-F]{64}", signature, re.ASCII):
        raise VectorError("INVALID_WEBHOOK_SIGNATURE", "malformed_signature")
    given = bytes.fromhex(signature)
    msg = timestamp.encode("ascii") + b"." + raw_body.encode("utf-8")
    if not any(hmac.compare_digest(hmac.new(s.encode("utf-8"), msg, hashlib.sha256).digest(), given) for s in secrets):
        raise VectorError("INVALID_WEBHOOK_SIGNATURE", "signature_mismatch")
    ts = int(timestamp)
    if now - ts > tolerance:
        raise VectorError("INVALID_WEBHOOK_SIGNATURE", "timestamp_too_old")
    if ts - now > tolerance:
        raise VectorError("INVALID_WEBHOOK_SIGNATURE", "timestamp_in_future")
    try:
        payload = json.loads(raw_body)
    except ValueError:
        raise VectorError("INVALID_WEBHOOK_PAYLOAD") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("charge_uuid"), str) \
            or not isinstance(payload.get("status"), str):
        raise VectorError("INVALID_WEBHOOK_PAYLOAD")
    status = "canceled" if payload["status"] == "cancelled" else payload["status"]
    event = {k: payload.get(k) for k in EVENT_KEYS}
    event["status"] = status
    event["dedup_key"] = f"{payload['charge_uuid']}:{status}"
    return event


CHARGE = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f"
SUBSCRIPTION = "0d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f6a"
LINK = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"


def body_rev_a(status="confirmed", subscription=None, link=None, compact=True, **extra) -> str:
    obj = {"charge_uuid": CHARGE, "status": status, "transaction_reference": "TX-2026-000123",
           "subscription_uuid": subscription, "payment_link_uuid": link}
    obj.update(extra)
    return json.dumps(obj, separators=(",", ":")) if compact else json.dumps(obj, indent=2)


def body_rev_b(status="paid", ensure_ascii=False, **extra) -> str:
    obj = {"charge_uuid": CHARGE, "status": status, "transaction_reference": "TX-2026-000123",
           "subscription_uuid": None, "payment_link_uuid": None, "amount": "150.00", "currency": "BRL",
           "created_at": "2026-11-21T14:03:12Z", "updated_at": "2026-11-21T14:05:40Z"}
    obj.update(extra)
    return json.dumps(obj, separators=(", ", ": "), ensure_ascii=ensure_ascii)


def gen_sign_webhook() -> Cases:
    c = Cases("sign_webhook", "sign_webhook(raw_body, secret, timestamp): lower-case hex HMAC-SHA256(secret, "
              "\"{timestamp}.{raw body}\")")

    def case(name, raw_body, secret, timestamp):
        c.run(name, {"raw_body": raw_body, "secret": secret, "timestamp": timestamp},
              sign_webhook, raw_body, secret, timestamp)

    # Independent known-answer check of the HMAC construction (RFC 4231 test case 2).
    assert hmac.new(b"Jefe", b"what do ya want for nothing?", hashlib.sha256).hexdigest() == \
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    case("rev A confirmed", body_rev_a(), SECRET, NOW)
    case("rev A pretty-printed body", body_rev_a(compact=False), SECRET, NOW)
    case("rev B paid", body_rev_b(), SECRET, NOW)
    case("rev B refunded", body_rev_b("refunded", refund_amount="50.00"), SECRET, NOW)
    case("same body, timestamp one second later", body_rev_a(), SECRET, NOW + 1)
    case("same body, other secret", body_rev_a(), OLD_SECRET, NOW)
    case("empty body", "", SECRET, NOW)
    case("body with non-ASCII text (UTF-8 bytes)", body_rev_b("error", error_code="05",
                                                            error_message="Transação não autorizada"), SECRET, NOW)
    case("body with a trailing newline", body_rev_a() + "\n", SECRET, NOW)
    case("timestamp zero", "{}", SECRET, 0)
    case("long secret", body_rev_a(), "s" * 100, NOW)
    case("plain text body", "hello", "key", 1795000000)
    case("timestamp 1795000300", body_rev_a("paid"), SECRET, 1795000300)
    return c


def gen_verify_webhook() -> Cases:
    c = Cases("verify_webhook", "verify_webhook(raw_body, signature, timestamp, secrets, tolerance_s?, now): checks "
              "in order no_secrets, malformed_timestamp, malformed_signature, signature_mismatch, timestamp_too_old / "
              "timestamp_in_future (tolerance default 300 s, both directions), then the payload")

    def case(name, raw_body, signature, timestamp, secrets, now=NOW, tolerance_s=None, expect=None, drop=()):
        args = {"raw_body": raw_body, "signature": signature, "timestamp": timestamp, "secrets": secrets}
        if tolerance_s is not None:
            args["tolerance_s"] = tolerance_s
        args["now"] = now
        kw = {} if expect is None else {"expect": expect}
        c.run(name, args, verify_webhook, raw_body, signature, timestamp, secrets, tolerance_s, now, **kw)
        for k in drop:
            del c.cases[-1]["ok"][k]

    def signed(body, ts=NOW, secret=SECRET):
        return sign_webhook(body, secret, ts)

    ts = str(NOW)
    a = body_rev_a()
    sig_a = signed(a)

    # Parsed events, both revisions.
    ev = verify_webhook(a, sig_a, ts, [SECRET])
    assert ev["dedup_key"] == f"{CHARGE}:confirmed" and ev["amount"] is None
    case("rev A confirmed", a, sig_a, ts, [SECRET])
    pretty = body_rev_a(compact=False)
    case("rev A pretty-printed body", pretty, signed(pretty), ts, [SECRET])
    for status in ["issued", "pending", "paid", "refunded", "refund_error", "chargeback_requested",
                   "chargeback_reversed", "chargeback_refunded", "pre_chargeback_resolution", "error", "canceled"]:
        body = body_rev_a(status)
        case(f"rev A status {status}", body, signed(body), ts, [SECRET])
    body = body_rev_a("paid", subscription=SUBSCRIPTION)
    case("rev A subscription charge", body, signed(body), ts, [SECRET])
    body = body_rev_a("paid", link=LINK)
    case("rev A payment link charge", body, signed(body), ts, [SECRET])
    body = body_rev_a("cancelled")
    # "cancelled" reads as "canceled". Whether dedup_key uses the normalized or the received spelling
    # is not stated in the README, so dedup_key is left out of this one case.
    case("rev A cancelled reads as canceled", body, signed(body), ts, [SECRET], drop=("dedup_key",))
    body = body_rev_a("on_hold")
    case("unknown status on_hold is kept", body, signed(body), ts, [SECRET])
    body = body_rev_a("paid", event="charge.paid", metadata={"order": 42}, livemode=False)
    case("unknown extra fields are ignored", body, signed(body), ts, [SECRET])
    body = json.dumps({"charge_uuid": CHARGE, "status": "paid"})
    case("minimal payload with only charge_uuid and status", body, signed(body), ts, [SECRET])
    b = body_rev_b()
    case("rev B paid", b, signed(b), ts, [SECRET])
    b = body_rev_b("confirmed")
    case("rev B confirmed", b, signed(b), ts, [SECRET])
    b = body_rev_b("error", error_code="05", error_message="Do not honor")
    case("rev B error with error_code and error_message", b, signed(b), ts, [SECRET])
    b = body_rev_b("error", error_code="51", error_message="Saldo insuficiente — transação não autorizada")
    assert "ã" in b  # raw UTF-8 in the body, not \u escapes
    case("rev B error with non-ASCII message", b, signed(b), ts, [SECRET])
    b = body_rev_b("error", ensure_ascii=True, error_code="51", error_message="Saldo insuficiente — transação não autorizada")
    assert b.isascii()
    case("rev B error with the message as JSON \\u escapes", b, signed(b), ts, [SECRET])
    b = body_rev_b("refunded", refund_amount="50.00")
    case("rev B refunded with refund_amount", b, signed(b), ts, [SECRET])
    b = body_rev_b("chargeback", chargeback_reason="fraud")
    case("rev B chargeback with chargeback_reason", b, signed(b), ts, [SECRET])
    b = body_rev_b("cancelled")
    case("rev B cancelled reads as canceled", b, signed(b), ts, [SECRET], drop=("dedup_key",))
    b = body_rev_b("paid", currency="CLP", amount="50000")
    case("rev B CLP amount", b, signed(b), ts, [SECRET])

    # Signature forms and secrets.
    case("upper-case hex signature is accepted", a, sig_a.upper(), ts, [SECRET])
    case("mixed-case hex signature is accepted", a, sig_a[:32].upper() + sig_a[32:], ts, [SECRET])
    case("second secret matches (rotation)", a, sig_a, ts, [OLD_SECRET, SECRET])
    case("first of two secrets matches", a, sig_a, ts, [SECRET, OLD_SECRET])
    case("third of three secrets matches", a, sig_a, ts, ["whsec_a", "whsec_b", SECRET])
    case("signed with the old secret, both configured", a, signed(a, secret=OLD_SECRET), ts, [SECRET, OLD_SECRET])
    case("none of several secrets matches", a, sig_a, ts, [OLD_SECRET, "whsec_other"],
         expect="INVALID_WEBHOOK_SIGNATURE")
    case("wrong secret", a, sig_a, ts, ["whsec_wrong"], expect="INVALID_WEBHOOK_SIGNATURE")
    changed = a.replace('"confirmed"', '"confirmeD"')
    assert len(changed) == len(a) and changed != a
    case("one byte of the body changed", changed, sig_a, ts, [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")
    case("body with a trailing newline added", a + "\n", sig_a, ts, [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")
    case("body re-serialized with spaces", json.dumps(json.loads(a)), sig_a, ts, [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")
    case("signature made for another timestamp", a, signed(a, NOW - 1), ts, [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")
    flipped = sig_a[:-1] + ("0" if sig_a[-1] != "0" else "1")
    case("last hex digit of the signature changed", a, flipped, ts, [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")
    case("signature over the body alone (no timestamp)", a,
         hmac.new(SECRET.encode(), a.encode(), hashlib.sha256).hexdigest(), ts, [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")

    # Malformed inputs.
    case("no secrets", a, sig_a, ts, [], expect="INVALID_WEBHOOK_SIGNATURE")
    for label, bad_ts in [("empty", ""), ("negative", "-1795000000"), ("decimal point", "1795000000.0"),
                          ("leading space", " 1795000000"), ("trailing space", "1795000000 "), ("letters", "abc"),
                          ("exponent", "1.795e9"), ("ISO date", "2026-11-21T00:00:00Z"), ("plus sign", "+1795000000"),
                          ("arabic-indic digits", "١٧٩٥٠٠٠٠٠٠")]:
        case(f"malformed timestamp: {label}", a, sig_a, bad_ts, [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")
    for label, bad_sig in [("empty", ""), ("63 hex digits", sig_a[:-1]), ("65 hex digits", sig_a + "0"),
                           ("non-hex letter", "g" + sig_a[1:]), ("sha256= prefix", "sha256=" + sig_a),
                           ("surrounding spaces", f" {sig_a} "), ("base64", "q83vEjRWeJA=" * 4),
                           ("128 hex digits (two signatures)", sig_a + sig_a)]:
        case(f"malformed signature: {label}", a, bad_sig, ts, [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")

    # Tolerance, both directions.
    def at(offset):
        t = NOW + offset
        body = body_rev_a("paid")
        return body, signed(body, t), str(t)

    for offset, tol, name in [
        (-300, None, "timestamp exactly 300 s old is accepted"),
        (-301, None, "timestamp 301 s old is too old"),
        (300, None, "timestamp exactly 300 s in the future is accepted"),
        (301, None, "timestamp 301 s in the future is rejected"),
        (0, None, "timestamp equal to now"),
        (-86400, None, "timestamp a day old"),
        (86400, None, "timestamp a day in the future"),
        (-10, 10, "custom tolerance 10 s, exactly 10 s old"),
        (-11, 10, "custom tolerance 10 s, 11 s old"),
        (10, 10, "custom tolerance 10 s, exactly 10 s ahead"),
        (11, 10, "custom tolerance 10 s, 11 s ahead"),
        (0, 0, "tolerance 0, same second"),
        (-1, 0, "tolerance 0, one second old"),
        (1, 0, "tolerance 0, one second ahead"),
        (-3600, 3600, "custom tolerance 3600 s, an hour old"),
        (-3601, 3600, "custom tolerance 3600 s, an hour and a second old"),
        (-600, 3600, "custom tolerance 3600 s accepts what the default rejects"),
    ]:
        body, sig, t = at(offset)
        case(name, body, sig, t, [SECRET], tolerance_s=tol)
    body = body_rev_a("paid")
    case("timestamp 0 is far too old", body, signed(body, 0), "0", [SECRET])

    # Order of the checks.
    case("order: no secrets beats a malformed timestamp", a, "zz", "abc", [], expect="INVALID_WEBHOOK_SIGNATURE")
    case("order: malformed timestamp beats a malformed signature", a, "zz", "abc", [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")
    case("order: malformed signature beats an old timestamp", a, "zz", str(NOW - 10000), [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")
    case("order: signature mismatch beats an old timestamp", a, signed(a, NOW - 10000, "whsec_wrong"), str(NOW - 10000),
         [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")
    case("order: signature mismatch beats a future timestamp", a, signed(a, NOW + 10000, "whsec_wrong"), str(NOW + 10000),
         [SECRET], expect="INVALID_WEBHOOK_SIGNATURE")
    bad = "not json"
    case("order: an old timestamp beats a bad payload", bad, signed(bad, NOW - 301), str(NOW - 301), [SECRET],
         expect="INVALID_WEBHOOK_SIGNATURE")
    case("order: signature mismatch beats a bad payload", bad, signed(bad, NOW, "whsec_wrong"), ts, [SECRET],
         expect="INVALID_WEBHOOK_SIGNATURE")

    # Payloads that verify but are not events.
    for label, body in [
        ("not JSON", "not json"),
        ("empty body", ""),
        ("truncated JSON", a[:-1]),
        ("JSON array", json.dumps([json.loads(a)])),
        ("JSON string", json.dumps("paid")),
        ("JSON number", "42"),
        ("JSON null", "null"),
        ("empty object", "{}"),
        ("missing status", json.dumps({"charge_uuid": CHARGE, "transaction_reference": "TX-1"})),
        ("missing charge_uuid", json.dumps({"status": "paid"})),
        ("status is a number", json.dumps({"charge_uuid": CHARGE, "status": 3})),
        ("status is null", json.dumps({"charge_uuid": CHARGE, "status": None})),
        ("charge_uuid is null", json.dumps({"charge_uuid": None, "status": "paid"})),
        ("charge_uuid is a number", json.dumps({"charge_uuid": 123, "status": "paid"})),
    ]:
        case(f"invalid payload with a valid signature: {label}", body, signed(body), ts, [SECRET],
             expect="INVALID_WEBHOOK_PAYLOAD")
    return c


def generate() -> list[Cases]:
    return [gen_sign_webhook(), gen_verify_webhook()]
