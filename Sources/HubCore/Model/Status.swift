import Foundation

/// The six buckets every status word falls into, for counting and colour (FORMATS.md).
public enum StatusBucket: String, CaseIterable, Sendable, Comparable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case complete
    case blocked
    case failed
    /// Stopped on purpose (`cancelled`): finished, not a failure, needs nobody.
    case cancelled
    case other

    /// Order for sorting and summaries: what needs attention first.
    private var rank: Int {
        switch self {
        case .failed: return 0
        case .blocked: return 1
        case .inProgress: return 2
        case .notStarted: return 3
        case .other: return 4
        case .cancelled: return 5
        case .complete: return 6
        }
    }

    /// Nothing more will happen: done, or stopped on purpose.
    public var isFinished: Bool { self == .complete || self == .cancelled }

    public static func < (lhs: StatusBucket, rhs: StatusBucket) -> Bool { lhs.rank < rhs.rank }

    /// Words as a person reads them ("in progress").
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// A status as written (any string, kept verbatim) plus its bucket.
/// A missing status, or one that is not a string, has no word and is bucketed `other`.
public struct Status: Equatable, Sendable, CustomStringConvertible {
    public let word: String?
    public let bucket: StatusBucket

    public init(_ word: String?) {
        self.word = word
        self.bucket = word.map(Status.bucket(for:)) ?? .other
    }

    public static let unknown = Status(nil)

    /// Every word the hub buckets, for suggestions.
    public static var knownWords: [String] { words.keys.sorted() }

    public var description: String { word ?? "?" }

    /// The one rule for a word someone asks the hub to write as a status (set-status, MCP): nil when
    /// the hub knows it (or `anyWord`), else why not, with the closest known words. The word is
    /// quoted short: it may be anything, of any length.
    public static func refusal(for word: String, anyWord: Bool) -> String? {
        let trimmed = word.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || !TerminalText.isPrintable(trimmed) { return "\(Quote.short(word)) cannot be a status (empty or with control characters)" }
        if trimmed.utf8.count > 100 { return "a status word of \(trimmed.utf8.count) bytes is not one (at most 100)" }
        guard !anyWord, Status(trimmed).bucket == .other else { return nil }
        return "\(Quote.short(word)) is not a status word the hub knows" + Suggest.phrase(trimmed, among: Status.knownWords)
            + " (known: not_started, in_progress, complete, blocked, failed...)"
    }

    private static let words: [String: StatusBucket] = {
        var table: [String: StatusBucket] = [:]
        // Newer workorder plans add plan_created and ready_for_execution (not started yet) and
        // checkpoint_ready (work under way, waiting for a review).
        // Words seen in real workspaces for work planned but not begun: draft, planned, approved,
        // pending_plan, planning_complete (the plan is done, the work is ready to start).
        for word in ["not_started", "pending", "created", "stub", "planning", "ready", "todo", "plan_created", "ready_for_execution",
                     "draft", "planned", "approved", "pending_plan", "planning_complete"] { table[word] = .notStarted }
        for word in ["in_progress", "active", "running", "implementing", "working", "started", "ready_for_testing", "checkpoint_ready"] { table[word] = .inProgress }
        for word in ["complete", "completed", "done", "verified", "closed", "promoted"] { table[word] = .complete }
        for word in ["blocked", "waiting", "changes_requested"] { table[word] = .blocked }
        for word in ["failed", "error", "abandoned"] { table[word] = .failed }
        // Cancelled is its own state: someone stopped the work on purpose; it needs nobody.
        for word in ["cancelled", "canceled"] { table[word] = .cancelled }
        return table
    }()

    /// Case-insensitive, `-` and spaces read as `_`, surrounding space ignored;
    /// `phase_N_complete` means the session has moved on, so it is in progress.
    public static func bucket(for word: String) -> StatusBucket {
        let key = normalise(word)
        if let bucket = words[key] { return bucket }
        if isPhaseComplete(key) { return .inProgress }
        return .other
    }

    static func normalise(_ word: String) -> String {
        // Most words are already keys (`in_progress`): say so without building a new string.
        if word.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) && !word.contains("__") {
            return word
        }
        var key = ""
        var lastWasUnderscore = false
        for character in word.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            let mapped: Character = (character == "-" || character == " ") ? "_" : character
            if mapped == "_" {
                if lastWasUnderscore { continue }
                lastWasUnderscore = true
            } else {
                lastWasUnderscore = false
            }
            key.append(mapped)
        }
        return key
    }

    private static func isPhaseComplete(_ key: String) -> Bool {
        let parts = key.split(separator: "_")
        guard parts.count == 3, parts[0] == "phase", parts[2] == "complete" || parts[2] == "completed" else { return false }
        return !parts[1].isEmpty && parts[1].allSatisfy(\.isNumber)
    }
}
