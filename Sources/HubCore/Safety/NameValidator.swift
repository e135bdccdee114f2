/// Every name that becomes a path (feature, session, agent id) is checked first, so that nothing a
/// file says can make the hub write outside the workspace or create a hidden or unprintable entry.
public enum NameValidator {
    public enum Invalid: Error, Equatable, CustomStringConvertible {
        case empty
        case tooLong(Int)
        case containsSeparator(String)
        case parentReference
        case leadingDot
        case controlCharacter
        case surroundingSpace

        public var description: String {
            switch self {
            case .empty: return "the name is empty"
            case .tooLong(let bytes): return "the name is too long (\(bytes) bytes; at most 200)"
            case .containsSeparator(let separator): return "the name contains '\(separator)'"
            case .parentReference: return "the name contains '..'"
            case .leadingDot: return "the name starts with '.'"
            case .controlCharacter: return "the name contains a control character"
            case .surroundingSpace: return "the name starts or ends with a space"
            }
        }
    }

    public static func validate(_ name: String) throws(Invalid) {
        if name.isEmpty { throw .empty }
        if name.utf8.count > 200 { throw .tooLong(name.utf8.count) }
        if name.contains("/") { throw .containsSeparator("/") }
        if name.contains("\\") { throw .containsSeparator("\\") }
        if name.contains("..") { throw .parentReference }
        if name.hasPrefix(".") { throw .leadingDot }
        if name.unicodeScalars.contains(where: TerminalText.isControl) { throw .controlCharacter }
        if name.first?.isWhitespace == true || name.last?.isWhitespace == true { throw .surroundingSpace }
    }

    public static func isValid(_ name: String) -> Bool {
        (try? validate(name)) != nil
    }

    /// True when `path` (absolute, standardized) lies inside `root`.
    public static func isInside(_ path: String, root: String) -> Bool {
        let path = WorkspacePaths.standardize(path)
        let root = WorkspacePaths.standardize(root)
        return path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
