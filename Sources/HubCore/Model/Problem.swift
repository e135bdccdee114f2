/// Something in the workspace that could not be read as expected: a file that does not parse, or a
/// field with the wrong type. Problems never stop loading; they are shown so a person can fix them.
public struct Problem: Equatable, Sendable, CustomStringConvertible {
    /// Path of the file, relative to the workspace root when it lies inside it.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
