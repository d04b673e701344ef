"""What the browser tests share: the emulator (`$A55_BIN emulator`), a merchant's site on another
localhost origin (its pages, its return pages and its webhook receiver), the private API calls that
set charges up, and Debian's Chromium driven by Playwright (`$CHROMIUM`, else `chromium` on PATH)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

HERE = Path(__file__).parent
MERCHANT_DIR = HERE / "merchant"
WALLET = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
MERCHANT = "11111111-1111-1111-1111-111111111111"
WEBHOOK_SECRET = "whsec_emulator"
TODAY = "2026-11-21"


class Emulator:
    """A running `a55 emulator`: its URL, and the private API with a platform token."""

    def __init__(self, url: str) -> None:
        self.url = url
        # The browser calls the emulator by name, as a merchant's page on localhost does.
        self.browser_url = url.replace("127.0.0.1", "localhost")
        form = b"grant_type=client_credentials&client_id=emulator-client&client_secret=emulator-secret"
        self.token = self.call("POST", "/oauth2/token", form, "application/x-www-form-urlencoded")[1]["access_token"]

    def call(self, method: str, path: str, body: bytes | None = None,
             content_type: str = "application/json") -> tuple[int, Any]:
        req = urllib.request.Request(self.url + path, data=body, method=method)
        if body is not None:
            req.add_header("Content-Type", content_type)
        if getattr(self, "token", None):
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=10) as res:
                return res.status, json.loads(res.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")

    def post(self, path: str, payload: dict[str, Any]) -> Any:
        status, body = self.call("POST", path, json.dumps(payload).encode())
        assert status == 200, body
        return body

    def issued_charge(self, **extra: Any) -> str:
        """A card charge waiting for its payer (no card fields), as a merchant's server makes it."""
        payload = {
            "wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "Zhang Wei",
            "payer_email": "zhangwei@example.com", "payer_tax_id": "123.456.789-09",
            "payer_cell_phone": "+5511999999999", "installment_value": "150.00", "installment_count": 1,
            "currency": "BRL", "due_date": "2026-12-31", "description": "Order #42",
            "type_charge": "credit_card",
            "payer_address": {"street": "Av. Paulista", "address_number": "1000", "complement": "",
                              "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP",
                              "postal_code": "01310-100", "country": "BR"},
            **extra,
        }
        charge = self.post("/api/v1/bank/wallet/charge/", payload)
        assert charge["status"] == "issued", charge
        return charge["charge_uuid"]


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    binary = os.environ.get("A55_BIN")
    assert binary, "A55_BIN must name the a55 binary (scripts/test-all.sh builds it)"
    proc = subprocess.Popen(
        [binary, "emulator", "--port", "0", "--today", TODAY, "--rate-limit", "0",
         "--settle-delay", "0", "--webhook-schedule", "fast"],
        stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline().strip()
    prefix = "a55 emulator listening on "
    assert first.startswith(prefix), first
    threading.Thread(target=proc.stdout.read, daemon=True).start()
    try:
        yield Emulator(first[len(prefix):])
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class Merchant:
    """The merchant's site: its pages, its return pages and the webhooks it received."""

    def __init__(self, port: int) -> None:
        self.url = f"http://localhost:{port}"
        self.hook_url = f"http://127.0.0.1:{port}/hook"
        self.webhooks: list[tuple[dict[str, str], bytes]] = []
        self.lock = threading.Lock()

    def webhook(self, charge_uuid: str, status: str, wait_s: float = 10.0) -> tuple[dict[str, str], bytes]:
        """The delivery of `status` for the charge, waiting for it to arrive."""
        deadline = time.monotonic() + wait_s
        while True:
            with self.lock:
                for headers, body in self.webhooks:
                    event = json.loads(body)
                    if event.get("charge_uuid") == charge_uuid and event.get("status") == status:
                        return headers, body
            if time.monotonic() > deadline:
                raise AssertionError(f"no {status} webhook for {charge_uuid}: {self.webhooks}")
            time.sleep(0.05)


@pytest.fixture(scope="session")
def merchant() -> Iterator[Merchant]:
    holder: dict[str, Merchant] = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            file = MERCHANT_DIR / path.lstrip("/")
            if path in ("/done", "/cart"):
                body = f"<!doctype html><title>{path[1:]}</title><h1>{path[1:]}</h1>".encode()
                kind = "text/html"
            elif file.is_file() and MERCHANT_DIR in file.resolve().parents:
                body = file.read_bytes()
                kind = "text/javascript" if file.suffix == ".js" else "text/html"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            m = holder["m"]
            with m.lock:
                m.webhooks.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["m"] = Merchant(server.server_address[1])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield holder["m"]
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    assert chromium, "Debian's chromium is required (apt-get install chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 900, "height": 880}, locale="en-US")
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


class Exchange:
    """One request the page made and its answer, as Chromium's network layer saw them."""

    def __init__(self, request_id: str) -> None:
        self.request_id = request_id
        self.method = ""
        self.url = ""
        self.initiator = ""
        self.post_data: str | None = None
        self.request_headers: dict[str, str] = {}
        self.status = 0
        self.response_headers: dict[str, str] = {}
        # The headers as sent and received come in their own events, which may arrive after the
        # page has its answer.
        self.extra_request = False
        self.extra_response = False

    def is_preflight(self) -> bool:
        return self.initiator == "preflight" or self.method == "OPTIONS"

    def __repr__(self) -> str:
        return f"{self.method} {self.url} -> {self.status}"


class Network:
    """Every exchange of a page, preflights included (Playwright's own events leave those out, so
    this listens to the DevTools protocol)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.exchanges: dict[str, Exchange] = {}
        cdp = page.context.new_cdp_session(page)
        cdp.on("Network.requestWillBeSent", self._request)
        cdp.on("Network.requestWillBeSentExtraInfo", self._request_extra)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.responseReceivedExtraInfo", self._response_extra)
        cdp.send("Network.enable")

    def _get(self, request_id: str) -> Exchange:
        return self.exchanges.setdefault(request_id, Exchange(request_id))

    def _request(self, e: dict[str, Any]) -> None:
        x = self._get(e["requestId"])
        x.method, x.url = e["request"]["method"], e["request"]["url"]
        x.initiator = e.get("initiator", {}).get("type", "")
        x.post_data = e["request"].get("postData")
        x.request_headers.update({k.lower(): v for k, v in e["request"]["headers"].items()})

    def _request_extra(self, e: dict[str, Any]) -> None:
        x = self._get(e["requestId"])
        x.extra_request = True
        x.request_headers.update({k.lower(): v for k, v in e["headers"].items()})

    def _response(self, e: dict[str, Any]) -> None:
        x = self._get(e["requestId"])
        x.status = e["response"]["status"]
        if e.get("type") == "Preflight":
            x.initiator = "preflight"
        x.response_headers.update({k.lower(): v for k, v in e["response"]["headers"].items()})

    def _response_extra(self, e: dict[str, Any]) -> None:
        x = self._get(e["requestId"])
        x.extra_response = True
        x.status = x.status or e.get("statusCode", 0)
        x.response_headers.update({k.lower(): v for k, v in e["headers"].items()})

    def to(self, url_part: str, wait_s: float = 5.0) -> list[Exchange]:
        """The answered exchanges whose URL contains `url_part`, in the order they were made, once
        Chromium has reported the headers of each (waiting for its events at most `wait_s`)."""
        deadline = time.monotonic() + wait_s
        while True:
            found = [x for x in self.exchanges.values() if url_part in x.url and x.status]
            if all(x.extra_request and x.extra_response for x in found) or time.monotonic() > deadline:
                return found
            self.page.wait_for_timeout(20)  # lets Playwright deliver the events still on their way


@pytest.fixture
def network(page: Page) -> Network:
    return Network(page)
