import Foundation
import HubCore

public enum Pane: Equatable, Sendable { case list, detail }
