import Foundation

/// Reads and parses a JSON file, turning every failure into a problem for that file.
enum JSONFile {
    static func load(_ absolutePath: String, displayPath: String, log: ProblemLog) -> JSONValue? {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(absolutePath)
        } catch {
            log.add(displayPath, "\(error)", kind: .unreadable)
            return nil
        }
        let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        if !utf16, let offset = UTF8Check.firstInvalidOffset(bytes) {
            log.add(displayPath, "not valid UTF-8 at byte \(offset) (UTF-16 or another encoding?); shown with replacement characters", kind: .field)
        }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            log.add(displayPath, "not valid JSON: \(error)", kind: .invalidJSON)
            return nil
        }
    }
}
