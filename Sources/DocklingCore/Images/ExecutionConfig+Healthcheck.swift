// moby/docker-image-spec specs-go/v1/image.go — `HealthcheckConfig`, one of docker's
// extensions to the OCI config.

extension ExecutionConfig {
    /// `HEALTHCHECK`, as docker stores it: the test command and its timing, durations in
    /// nanoseconds. A field left out (nil) means docker's default (30 s, 30 s, 0 s, 5 s, 3 retries).
    public struct Healthcheck: Codable, Sendable, Equatable {
        /// `["CMD", exe, args…]` (exec form), `["CMD-SHELL", "command"]` (shell form),
        /// or `["NONE"]`: no check, not even the base image's.
        public var test: [String]?
        public var interval: Int64?
        public var timeout: Int64?
        public var startPeriod: Int64?
        public var startInterval: Int64?
        public var retries: Int?

        enum CodingKeys: String, CodingKey {
            case test = "Test", interval = "Interval", timeout = "Timeout", startPeriod = "StartPeriod"
            case startInterval = "StartInterval", retries = "Retries"
        }

        public init(test: [String]?, interval: Int64? = nil, timeout: Int64? = nil, startPeriod: Int64? = nil,
                    startInterval: Int64? = nil, retries: Int? = nil) {
            self.test = test
            self.interval = interval
            self.timeout = timeout
            self.startPeriod = startPeriod
            self.startInterval = startInterval
            self.retries = retries
        }
    }
}
