/// The gateway: configuration, inbox watchers, the pipeline and its services.
public enum Gateway {}
