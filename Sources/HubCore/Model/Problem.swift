/// Something in the workspace that could not be read as expected: a file that does not parse, or a
/// field with the wrong type. Problems never stop loading; they are shown so a person can fix them.
public struct Problem: Equatable, Sendable, CustomStringConvertible {
    /// What kind of trouble, so that code decides by kind and never by the wording of a message.
    public enum Kind: String, Equatable, Sendable {
        /// The file could not be read at all (missing, permissions, a folder, too large).
        case unreadable
        /// The file was read but is not valid JSON (perhaps caught halfway through being written).
        case invalidJSON = "invalid_json"
        /// The JSON parsed but a field is missing or of the wrong type.
        case field
        /// Anything else (configuration files, logs).
        case other
    }

    /// Path of the file, relative to the workspace root when it lies inside it.
    public var path: String
    public var message: String
    public var kind: Kind

    public init(path: String, message: String, kind: Kind = .other) {
        self.path = path
        self.message = message
        self.kind = kind
    }

    /// A file that could not be read or parsed: perhaps being written right now.
    public var isUnreadableFile: Bool { kind == .unreadable || kind == .invalidJSON }

    public var description: String { "\(path): \(message)" }
}
