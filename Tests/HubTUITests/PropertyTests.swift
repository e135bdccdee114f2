import Foundation
import PropertyBased
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// Generated inputs, shrunk to the smallest failing one when a property breaks: the loader and the
/// views over files that are JSON, nearly JSON, or nothing like it.
@Suite struct PropertyTests {
    /// Pieces that make documents close to the workflow's (and many that break them).
    static let fragments = [
        "{", "}", "[", "]", ",", ":", "\"", "\"agent_id\"", "\"status\"", "\"agents\"", "\"tasks\"", "\"notes\"", "\"orchestrator\"",
        "\"complete\"", "\"blocked\"", "\"in_progress\"", "\"x\"", "1", "-0.5e3", "true", "null", " ", "\n", "\\u0000", "\\\"",
        "\u{1B}[31m", "\u{202E}", "é", "🚀", "日", "\u{0}", "\\uD800",
    ]
    static let document = Gen.element(of: fragments).array(of: 0...80).map { $0.compactMap { $0 }.joined() }

    @Test func theLoaderReadsAnyFileAndReportsWhatDoesNotParse() async throws {
        await propertyCheck(count: 150, input: PropertyTests.document, PropertyTests.document) { root, nested in
            let workspace = try TemporaryWorkspace("property")
            let rootFile = try workspace.write("coderef/sessions/s/communication.json", root)
            _ = try workspace.write("coderef/sessions/s/a/communication.json", nested)
            _ = try workspace.write("coderef/working/s/stub.json", nested)
            let snapshot = workspace.load()
            let parses = (try? JSONParser.parse(Array(root.utf8))) != nil
            if !parses {
                #expect(snapshot.problems.contains { workspace.path($0.path) == rootFile }, "an unparseable file is a problem")
            }
            // Whatever was read draws at any size without breaking a border.
            for size in [Size(width: 40, height: 10), Size(width: 121, height: 33)] {
                var state = AppState(snapshot: snapshot, size: size, now: Fixtures.now)
                _ = Reducer.reduce(&state, .key(.enter))
                let canvas = Render.screen(state)
                #expect(canvas.lines.allSatisfy { DisplayWidth.of($0) == size.width }, "every row is the terminal's width in cells")
                #expect(!canvas.description.unicodeScalars.contains { $0 != "\n" && TerminalText.isControl($0) }, "no control reaches the screen")
            }
        }
    }

    @Test func printingAndParsingAgainGivesTheSameValue() async {
        await propertyCheck(count: 300, input: PropertyTests.document) { text in
            guard let value = try? JSONParser.parse(Array(text.utf8)) else { return }
            #expect((try? JSONParser.parse(JSONPrinter.compactBytes(value))) == value)
            #expect((try? JSONParser.parse(JSONPrinter.prettyBytes(value))) == value)
        }
    }
}
