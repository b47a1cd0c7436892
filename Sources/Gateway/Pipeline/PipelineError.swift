/// Why a file could not go through the pipeline, and at which stage.
public struct PipelineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the pipeline a file stopped.
    public enum Stage: String, Hashable, Sendable, Codable {
        case claim, read, validate, identify, decode, map, route, encode, store
    }

    public var stage: Stage
    public var message: String

    public init(stage: Stage, _ message: String) {
        self.stage = stage
        self.message = message
    }

    public var description: String { "\(self.stage.rawValue): \(self.message)" }
}
