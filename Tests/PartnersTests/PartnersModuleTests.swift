import Testing

@testable import Partners

@Suite struct PartnersModuleTests {
    @Test func readsYAML() {
        #expect(isYAML("partner: acme\nx12:\n  qualifier: ZZ\n"))
        #expect(!isYAML("partner: [unclosed"))
        #expect(partnerProfileFormatVersion == 1)
    }
}
