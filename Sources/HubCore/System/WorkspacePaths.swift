/// Small pure path helpers (no Foundation path APIs: they differ between platforms).
public enum WorkspacePaths {
    /// Removes `.` and empty components and resolves `..` lexically; keeps a leading `/`.
    public static func standardize(_ path: String) -> String {
        if isStandard(path) { return path }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == ".." && absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// True when `standardize` would return the path unchanged: no empty, `.` or `..` component and
    /// no trailing slash (checked on bytes: loading asks this for every path it resolves).
    static func isStandard(_ path: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "/")
        var dots = 0
        var componentLength = 0
        var isFirst = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if previous == UInt8(ascii: "/") && !isFirst { return false }
                if componentLength > 0 && dots == componentLength && dots <= 2 { return false }
                dots = 0
                componentLength = 0
            } else {
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
            isFirst = false
            previous = byte
        }
        if path.isEmpty || previous == UInt8(ascii: "/") { return path == "/" }
        return !(dots == componentLength && dots <= 2)
    }

    public static func relative(_ path: String, to root: String) -> String {
        if path == root { return "." }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    public static func lastComponent(_ path: String) -> String {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
    }

    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// True for `C:\...` and `C:/...`.
    public static func isWindowsAbsolute(_ path: String) -> Bool {
        let bytes = Array(path.utf8.prefix(3))
        guard bytes.count == 3 else { return false }
        let letter = bytes[0] | 0x20
        return letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z") && bytes[1] == UInt8(ascii: ":")
            && (bytes[2] == UInt8(ascii: "\\") || bytes[2] == UInt8(ascii: "/"))
    }
}
