import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Times as the workflow's files write them: ISO 8601 with or without fractional seconds or a zone
/// (`2026-11-20T10:00:00Z`, `2026-11-20T10:00:00.123+01:00`, `2026-11-20T10:00:00`), or a date
/// alone (`2026-11-20`, read as midnight UTC). Anything else is no time.
public enum Timestamp {
    public static func parse(_ text: String?) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), text.count >= 10 else { return nil }
        let bytes = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = digits(0, 4), bytes[4] == UInt8(ascii: "-"), let month = digits(5, 2), bytes[7] == UInt8(ascii: "-"),
              let day = digits(8, 2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var components = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                         year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        var index = 10
        var fraction = 0.0
        if bytes.count > 10 {
            guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
                  let hour = digits(11, 2), bytes.count > 13, bytes[13] == UInt8(ascii: ":"), let minute = digits(14, 2) else { return nil }
            components.hour = hour
            components.minute = minute
            index = 16
            if index < bytes.count, bytes[index] == UInt8(ascii: ":"), let second = digits(17, 2) {
                components.second = second
                index = 19
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                    var end = index + 1
                    while end < bytes.count, bytes[end] >= 48 && bytes[end] <= 57 { end += 1 }
                    fraction = Double("0" + String(decoding: bytes[index..<end], as: UTF8.self)) ?? 0
                    index = end
                }
            }
            if index < bytes.count {
                let zone = String(decoding: bytes[index...], as: UTF8.self)
                if zone == "Z" || zone == "z" {
                    // UTC
                } else if let sign = zone.first, sign == "+" || sign == "-", let hours = Int(zone.dropFirst().prefix(2)) {
                    let minutes = Int(zone.dropFirst(zone.contains(":") ? 4 : 3).prefix(2)) ?? 0
                    let offset = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
                    components.timeZone = TimeZone(secondsFromGMT: offset)
                } else {
                    return nil
                }
            }
        }
        return components.date.map { $0.addingTimeInterval(fraction) }
    }

    /// `2026-11-20T10:00:00Z` (what the hub writes). Built by hand: a date formatter per call cost a
    /// third of `status --json` in a large workspace.
    public static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// `2026-11-20 14:02` (UTC): a date a person reads next to another, in a sentence.
    public static func short(_ date: Date) -> String {
        let full = format(date)
        return String(full.prefix(10)) + " " + String(full.dropFirst(11).prefix(5))
    }
}
