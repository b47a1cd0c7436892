public import Foundation

/// The files Porter carries as package resources: the sample `Mappings/` folder (the repository's own, copied at
/// build time, not duplicated in the sources) and the supplier documents of `porter demo`.
///
/// The target's path is the package root so that its resources can name the top-level `Mappings/` folder; its only
/// source is this file.
public enum PorterSamples {
    /// The bundled `Mappings/` folder.
    public static var mappings: URL { Bundle.module.bundleURL.appending(path: "Mappings") }

    /// The bundled demo documents (`Sources/PorterSamples/Demo/`).
    public static var demoDocuments: URL { Bundle.module.bundleURL.appending(path: "Demo") }
}
