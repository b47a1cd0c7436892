import Foundation
import PorterSamples

/// The sample files Porter carries as package resources.
public enum BundledSamples {
    /// The bundled `Mappings/` folder (the repository's example partner profiles): what `porter demo` runs on, and
    /// what `porter run` uses when there is neither a configuration file nor a `./Mappings` folder.
    public static var mappings: String { PorterSamples.mappings.path }

    /// The demo's supplier documents.
    static var demoDocuments: URL { PorterSamples.demoDocuments }
}
