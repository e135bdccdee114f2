import Foundation

/// The tokens an agent used, from its transcript (Claude Code's `projects/<cwd>/<session>.jsonl`,
/// one event a line, each reply with `message.usage`). Sums per agent, session and phase are shown;
/// a cost only when the person set prices (`[tokens]` in the config).
public struct TokenUsage: Equatable, Sendable {
    public var input = 0
    public var output = 0
    public var cacheRead = 0
    public var cacheCreation = 0

    public init(input: Int = 0, output: Int = 0, cacheRead: Int = 0, cacheCreation: Int = 0) {
        self.input = input
        self.output = output
        self.cacheRead = cacheRead
        self.cacheCreation = cacheCreation
    }

    public var total: Int { input + output + cacheRead + cacheCreation }

    public static func + (a: TokenUsage, b: TokenUsage) -> TokenUsage {
        TokenUsage(input: a.input + b.input, output: a.output + b.output, cacheRead: a.cacheRead + b.cacheRead, cacheCreation: a.cacheCreation + b.cacheCreation)
    }

    /// Transcripts larger than this are not summed (a sentence says so instead of a stall).
    static let transcriptLimit = 64 * 1024 * 1024

    /// The sum of every reply's usage in a transcript; nil when it cannot be read. A reply streamed
    /// in parts repeats its message id: each id counts once (its last usage).
    public static func of(transcript path: String) -> TokenUsage? {
        guard let size = FileSystem.size(path), size <= transcriptLimit, let bytes = try? FileSystem.read(path) else { return nil }
        var byMessage: [String: TokenUsage] = [:]
        var anonymous = TokenUsage()
        for line in bytes.split(separator: UInt8(ascii: "\n")) where line.count > 20 {
            // Only lines that carry a usage are parsed.
            guard line.firstRange(of: Array("\"usage\"".utf8)) != nil, let value = try? JSONParser.parse(Array(line)),
                  let usage = value["message"]?["usage"] ?? value["usage"] else { continue }
            func count(_ key: String) -> Int { usage[key]?.intValue ?? 0 }
            let entry = TokenUsage(input: count("input_tokens"), output: count("output_tokens"), cacheRead: count("cache_read_input_tokens"), cacheCreation: count("cache_creation_input_tokens"))
            if let id = value["message"]?["id"]?.stringValue { byMessage[id] = entry } else { anonymous = anonymous + entry }
        }
        return byMessage.values.reduce(anonymous, +)
    }

    public var json: JSONValue {
        .object(JSONObject([("input", .int(input)), ("output", .int(output)), ("cache_read", .int(cacheRead)), ("cache_creation", .int(cacheCreation)), ("total", .int(total))]))
    }

    /// `12.3k tokens`.
    public var short: String {
        let value = Double(total)
        if total >= 1_000_000 { return String(format: "%.1fM tokens", value / 1_000_000) }
        if total >= 1000 { return String(format: "%.1fk tokens", value / 1000) }
        return "\(total) tokens"
    }
}
