import Foundation
import HubCore

struct StartFailure: Error, Equatable, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
