import CXML
import Testing

@Suite struct LibraryTests {
    @Test func linksAgainstLibxml2() {
        #expect(libxml2Version >= 20900)
    }
}
