import Foundation

/// The OpenAPI 3 document of the booking API, kept beside the wire types in
/// `openapi.json` and served by the server at `APIPath.openAPI`.
public enum OpenAPIDocument {
    /// The document's bytes, or nil if the resource is missing from the build.
    public static func data() -> Data? {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            return nil
        }
        return try? Data(contentsOf: url)
    }
}
