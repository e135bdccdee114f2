import Foundation
import Testing
import HubTestSupport

/// HubCore's folders form layers: a file uses types of its own folder and the folders before it,
/// never after (the README's "Layout of the code" lists the order). A use is a declared type's name
/// in code (comments and strings left out), so a new loop between folders fails here.
@Suite struct LayeringTests {
    static let order = ["System", "JSON", "Safety", "Model", "Demo", "Clipboard", "Workspace", "Config", "Evidence", "Loading",
                        "Report", "Sessions", "Activity", "Watching", "Dispatch", "Operations"]

    @Test func noFolderOfTheCoreUsesALaterOne() throws {
        let core = TestPaths.packageRoot + "/Sources/HubCore"
        let manager = FileManager.default
        var files: [(folder: String, text: String)] = []
        for folder in try manager.contentsOfDirectory(atPath: core) where !folder.hasSuffix(".swift") {
            #expect(Self.order.contains(folder), "\(folder) is not in the layering (add it to the README and here)")
            for name in try manager.contentsOfDirectory(atPath: core + "/" + folder) where name.hasSuffix(".swift") {
                files.append((folder, try String(contentsOfFile: core + "/" + folder + "/" + name, encoding: .utf8)))
            }
        }
        // Declared type names → their folder.
        let declaration = try NSRegularExpression(pattern: #"^(?:public |internal |private |fileprivate )?(?:final )?(?:struct|enum|class|protocol|actor) ([A-Z][A-Za-z0-9]*)"#, options: .anchorsMatchLines)
        var home: [String: String] = [:]
        for file in files {
            let range = NSRange(file.text.startIndex..., in: file.text)
            for match in declaration.matches(in: file.text, range: range) {
                if let name = Range(match.range(at: 1), in: file.text) { home[String(file.text[name])] = file.folder }
            }
        }
        var upward: [String] = []
        for file in files {
            let code = Self.code(file.text)
            let rank = Self.order.firstIndex(of: file.folder) ?? 0
            for (name, folder) in home where folder != file.folder && (Self.order.firstIndex(of: folder) ?? 0) > rank {
                if code.range(of: #"\b\#(name)\b"#, options: .regularExpression) != nil { upward.append("\(file.folder) uses \(name) (\(folder))") }
            }
        }
        #expect(Set(upward).isEmpty, "uses against the layering: \(Set(upward).sorted())")
    }

    /// The text without comments and string literals.
    static func code(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = ""
            var inString = false
            var previous: Character = " "
            for character in line {
                if !inString && character == "/" && previous == "/" { out.removeLast(); break }
                if character == "\"" && previous != "\\" { inString.toggle(); previous = character; continue }
                if !inString { out.append(character) }
                previous = character
            }
            return out
        }.joined(separator: "\n")
    }
}
