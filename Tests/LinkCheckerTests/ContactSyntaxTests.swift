import Diagnostics
import Testing

@testable import LinkChecker

/// `mailto:` and `tel:` links, which no server can check.
@Suite struct ContactSyntaxTests {
    @Test(arguments: [
        "resiliencia@quito.gob.ec", "a@b.org,c@d.org", "a@b.org?subject=Hola%20Quito", "?to=a@b.org",
        "?subject=x&to=a@b.org", "jos%C3%A9@quito.gob.ec", "a.b+c@sub.dominio.ec", "a@dátil.ec",
    ])
    func validAddresses(_ rest: String) {
        #expect(ContactSyntax.mailtoProblem(rest) == nil)
    }

    @Test(arguments: [
        ("", "it has no address"),
        ("?subject=x", "it has no address"),
        ("quito.gob.ec", "`quito.gob.ec` has no `@`"),
        ("a@@b.org", "`a@@b.org` has more than one `@`"),
        ("@b.org", "`@b.org` has nothing before the `@`"),
        ("a@localhost", "the domain `localhost` has no `.`"),
        ("a@b..org", "the domain `b..org` is not a host name"),
        ("a@-b.org", "the domain `-b.org` is not a host name"),
        ("a@b_c.org", "the domain `b_c.org` is not a host name"),
        ("a b@c.org", "`a b@c.org` has a space"),
        ("a@b.org,", "an address between commas is empty"),
        ("a%2@b.org", "`a%2@b.org` has a `%` that is not followed by two hexadecimal digits"),
    ])
    func invalidAddresses(_ rest: String, _ problem: String) {
        #expect(ContactSyntax.mailtoProblem(rest).map(MessageCatalog.english.render) == problem)
    }

    @Test(arguments: ["+593-2-395-2300", "+593 2 395 2300", "+593%202%20395%202300", "(02) 395.2300", "911;ext=12"])
    func validNumbers(_ rest: String) {
        #expect(ContactSyntax.telProblem(rest) == nil)
    }

    @Test(arguments: [
        ("", "it has no number"),
        ("+", "it has no number"),
        ("+593-2-CALL", "`+593-2-CALL` has `C`, which is not a digit or a separator"),
        ("12", "`12` has fewer than three digits"),
        ("%2", "`%2` has a `%` that is not followed by two hexadecimal digits"),
    ])
    func invalidNumbers(_ rest: String, _ problem: String) {
        #expect(ContactSyntax.telProblem(rest).map(MessageCatalog.english.render) == problem)
    }
}
