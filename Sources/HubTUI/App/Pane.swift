import Foundation
import HubCore

enum Pane: Equatable, Sendable { case list, detail }
