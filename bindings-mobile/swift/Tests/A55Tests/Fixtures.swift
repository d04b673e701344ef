import A55
import A55Testing
import Foundation

/// The emulator's fixture wallet, merchant and platform entity, and a card it approves.
let wallet = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
let merchant = "11111111-1111-1111-1111-111111111111"
let entity = "550e8400-e29b-41d4-a716-446655440000"
let due = A55Date("2030-12-31")
let card = "4024007153763191"
let cardFields = ["card_number", "card_name", "card_expiry_month", "card_expiry_year", "card_cvv"]

func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

/// Seed 001's charge (three installments of 150.00) with a test card, `extra` fields on top.
func seed001(card number: String = card, _ extra: [String: Any] = [:]) -> [String: Any] {
    var p: [String: Any] = [
        "wallet_uuid": wallet, "merchant_id": merchant, "payer_name": "张伟",
        "payer_email": "zhangwei@example.com", "payer_tax_id": "123.456.789-09",
        "payer_cell_phone": "+5511999999999", "installment_value": dec("150.00"),
        "installment_count": 3, "currency": "BRL", "due_date": due,
        "description": "订单 #42——3 期分期", "type_charge": "credit_card", "card_number": number,
        "card_name": "张伟", "card_expiry_month": "12", "card_expiry_year": "2030", "card_cvv": "123",
        "capture": true,
        "payer_address": [
            "street": "Av. Paulista", "address_number": "1000", "complement": "Sala 101",
            "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP",
            "postal_code": "01310-100", "country": "BR",
        ] as [String: Any],
    ]
    for (k, v) in extra { p[k] = v }
    return p
}

/// A PIX charge of 149.90.
func pixPayload() -> [String: Any] {
    [
        "wallet_uuid": wallet, "merchant_id": merchant, "payer_name": "Wang Fang",
        "payer_email": "wangfang@example.com", "payer_tax_id": "123.456.789-09",
        "payer_cell_phone": "+5521977777777", "amount": 149.9, "currency": "BRL",
        "due_date": due, "description": "Order #100 — PIX",
        "payer_address": [
            "street": "Av. Rio Branco", "address_number": "200", "complement": "Sala 301",
            "neighborhood": "Centro", "city": "Rio de Janeiro", "state": "RJ",
            "postal_code": "20040-002", "country": "BR",
        ] as [String: Any],
    ]
}

/// Queues faults for the emulator's next API requests (`["503", "reset_after"]`), with a plain
/// HTTP request written on a socket (FoundationNetworking is not needed).
func queueFaults(_ emulator: A55Emulator, _ faults: String...) throws {
    let body = "{\"faults\":[" + faults.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
    let port = UInt16(emulator.url.split(separator: ":").last!)!
    let status = try rawPost(port: port, path: "/_emulator/faults", body: body)
    precondition((200..<300).contains(status), "queueing faults: HTTP \(status)")
}

/// POSTs JSON to 127.0.0.1:`port` over a blocking socket; the answer's status.
func rawPost(port: UInt16, path: String, body: String) throws -> Int {
    #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    precondition(fd >= 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = port.bigEndian
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    precondition(connected == 0, "cannot connect to the emulator")
    let request = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
    _ = request.withCString { send(fd, $0, strlen($0), 0) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let n = recv(fd, &buffer, buffer.count, 0)
    let head = String(decoding: buffer.prefix(max(n, 0)), as: UTF8.self)
    return Int(head.split(separator: " ").dropFirst().first ?? "0") ?? 0
}
