import Foundation

/// `[tokens]`: what the person pays per million tokens, so the hub can show what agents cost.
/// No prices, no cost: the hub never guesses a model's price (they change, and differ by plan).
public struct TokenPrices: Equatable, Sendable {
    public var input: Double = 0
    public var output: Double = 0
    public var cacheRead: Double = 0
    public var cacheCreation: Double = 0
    /// Shown with the cost: `USD` as `$0.42`, any other code after the number.
    public var currency = "USD"

    public init(input: Double = 0, output: Double = 0, cacheRead: Double = 0, cacheCreation: Double = 0, currency: String = "USD") {
        self.input = input
        self.output = output
        self.cacheRead = cacheRead
        self.cacheCreation = cacheCreation
        self.currency = currency
    }

    public func cost(of usage: TokenUsage) -> Double {
        (Double(usage.input) * input + Double(usage.output) * output + Double(usage.cacheRead) * cacheRead + Double(usage.cacheCreation) * cacheCreation) / 1_000_000
    }

    /// `$0.42`, `0.42 EUR`; under a cent shows as `<$0.01`.
    public func text(_ cost: Double) -> String {
        let amount = cost > 0 && cost < 0.01 ? "<0.01" : String(format: "%.2f", cost)
        if currency == "USD" { return amount.hasPrefix("<") ? "<$0.01" : "$" + amount }
        return "\(amount) \(TerminalText.sanitize(currency))"
    }
}

extension TokenUsage {
    /// `json`, with `cost` and `currency` when prices are set.
    public func json(prices: TokenPrices?) -> JSONValue {
        guard let prices, case .object(var object) = json else { return json }
        object["cost"] = .number(String(format: "%.4f", prices.cost(of: self)))
        object["currency"] = .string(prices.currency)
        return .object(object)
    }
}
