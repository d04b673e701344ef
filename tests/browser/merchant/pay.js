// A merchant's checkout page paying a charge on the A55 emulator the way A55's browser SDK
// (a55pay-sdk 4.0.8, `payV2`) does, written from reading the SDK: the same requests, in the same
// order, with the same bodies and headers. Two steps of the SDK are left out because they reach
// third-party hosts (no network here): its IP look-ups (the SDK then sends `ip_address: ""`, as it
// does when they fail) and its ThreatMetrix script.
//
// `window.merchant.payV2(args)` resolves to a record of every step, which the browser tests read.
(function () {
  "use strict";

  // The SDK's brand names for its 3DS set-up (`card_brand`).
  function cardBrand(number) {
    const n = String(number || "").replace(/\D/g, "");
    if (/^4/.test(n)) return "Visa";
    if (/^5[1-5]/.test(n) || /^2[2-7]/.test(n)) return "MasterCard";
    if (/^3[47]/.test(n)) return "AmericanExpress";
    if (/^6(?:011|5)/.test(n)) return "Discover";
    if (/^35/.test(n)) return "JCB";
    if (/^3[0689]/.test(n)) return "DinersClub";
    return "Visa";
  }

  // Brazilian postal codes go as digits only; others trimmed and upper-cased.
  function postalCode(value, country) {
    if (value == null) return value;
    const brazil = !country || String(country).toUpperCase().startsWith("BR");
    return brazil ? value.replace(/\D/g, "") : value.trim().toUpperCase();
  }

  function json(body) {
    return { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  }

  // Waits for the first `message` event that `accept` returns a value for.
  function nextMessage(accept) {
    return new Promise((resolve) => {
      function listener(event) {
        const value = accept(event);
        if (value !== undefined) {
          window.removeEventListener("message", listener);
          resolve(value);
        }
      }
      window.addEventListener("message", listener);
    });
  }

  // The device-data collection: the set-up's JWT posted by a form into a hidden iframe, which
  // answers with Cardinal's `profile.completed` message (a JSON text).
  async function collectDeviceData(setup) {
    const frame = document.createElement("iframe");
    frame.name = "ddc-iframe";
    frame.id = "ddc-iframe";
    frame.style.display = "none";
    document.body.appendChild(frame);
    const form = document.createElement("form");
    form.id = "ddc-form";
    form.target = "ddc-iframe";
    form.method = "POST";
    form.action = setup.device_data_collection_url;
    const jwt = document.createElement("input");
    jwt.type = "hidden";
    jwt.name = "JWT";
    jwt.value = setup.access_token;
    form.appendChild(jwt);
    document.body.appendChild(form);
    const completed = nextMessage((event) => {
      if (typeof event.data !== "string") return undefined;
      const data = JSON.parse(event.data);
      return data.MessageType === "profile.completed" ? { origin: event.origin, data } : undefined;
    });
    form.submit();
    const message = await completed;
    form.remove();
    frame.remove();
    return message;
  }

  function deviceInfo(sessionId) {
    return {
      device_id: "merchant-page-device",
      ip_address: "",
      session_id: sessionId,
      user_agent: navigator.userAgent,
      http_accept_content: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      http_browser_language: navigator.language,
      http_browser_java_enabled: navigator.javaEnabled(),
      http_browser_javascript_enabled: true,
      http_browser_color_depth: screen.colorDepth.toString(),
      http_browser_screen_height: screen.height.toString(),
      http_browser_screen_width: screen.width.toString(),
      http_browser_time_difference: new Date().getTimezoneOffset().toString(),
      http_accept_browser_value: navigator.userAgent,
    };
  }

  function address(u) {
    return {
      postal_code: postalCode(u.postal_code, u.country),
      street: u.street,
      address_number: u.address_number || "n/d",
      complement: u.complement || "",
      neighborhood: u.neighborhood || "n/d",
      city: u.city,
      state: u.state,
      country: u.country.toUpperCase() || "BR",
    };
  }

  // The 3DS challenge in an iframe over the page; resolves when it reports `3ds-auth-complete`.
  function challenge(url) {
    const overlay = document.createElement("div");
    overlay.id = "threeds-overlay";
    const frame = document.createElement("iframe");
    frame.id = "threeds-iframe";
    frame.title = "3-D Secure";
    frame.src = url;
    overlay.appendChild(frame);
    document.body.appendChild(overlay);
    return nextMessage((event) =>
      event.data && event.data.event === "3ds-auth-complete" ? { origin: event.origin, data: event.data } : undefined
    ).then((message) => {
      overlay.remove();
      return message;
    });
  }

  async function publicCharge(api, chargeUuid) {
    const res = await fetch(`${api}/api/v1/bank/public/charge?charge_uuid=${encodeURIComponent(chargeUuid)}`);
    return { status: res.status, body: await res.json() };
  }

  // Pays `charge_uuid` with `userData` (the SDK's names) against the emulator at `api`.
  async function payV2({ api, charge_uuid, userData }) {
    const record = {};
    const number = userData.number.replace(/\s/g, "");
    const setupRes = await fetch(
      `${api}/api/v1/bank/public/setup-authentication`,
      json({
        transaction_reference: charge_uuid,
        card_brand: cardBrand(number),
        card_expiry_month: userData.expiry_month,
        card_expiry_year: userData.expiry_year,
        card_number: number,
      })
    );
    record.setup = { status: setupRes.status, body: await setupRes.json() };
    let sessionId = "";
    if (setupRes.ok) {
      record.deviceData = await collectDeviceData(record.setup.body);
      sessionId = record.setup.body.reference_id;
    }
    const payload = {
      device_info: deviceInfo(sessionId),
      payer_name: userData.payer_name,
      payer_email: userData.payer_email,
      ...(userData.payer_tax_id && { payer_tax_id: userData.payer_tax_id }),
      ...(userData.cell_phone && { cell_phone: userData.cell_phone.replace(/\D/g, "") }),
      card: {
        holder_name: userData.holder_name,
        number,
        expiry_month: userData.expiry_month,
        expiry_year: userData.expiry_year,
        ccv: userData.ccv,
        card_token: userData.card_token,
        card_cryptogram: userData.card_cryptogram,
      },
      address: address(userData),
      shipping_address: address(userData),
    };
    const payRes = await fetch(`${api}/api/v1/bank/public/charge/${charge_uuid}/pay`, json(payload));
    const body = await payRes.json();
    record.pay = { status: payRes.status, body };
    if (!payRes.ok) {
      // What the SDK hands its onError: the answer's `message`.
      record.error = body.message || "Payment failed";
      return record;
    }
    if (body.status === "pending" && body.url_3ds) {
      record.challenge = await challenge(body.url_3ds);
      record.after = await publicCharge(api, record.challenge.data.chargeUuid);
    }
    return record;
  }

  window.merchant = { payV2 };
})();
