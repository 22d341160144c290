/// AddressSanitizer's settings, carried by the binary itself: the pseudo-terminal tests start
/// tally with an environment of their own (`env -i` among them), where ASAN_OPTIONS does not
/// reach it. Leak reports are off because the Swift runtime's caches and process-long globals
/// are never freed, and a report would fail every run; use-after-free, overflows and the like
/// stay fatal. ASAN_OPTIONS, when set, is read after this and wins.
///
/// The sanitizer's runtime asks for this by name while it starts, before Swift's runtime has
/// done anything, so it returns a constant and touches nothing else. In a build without the
/// sanitizer nothing calls it.
@_cdecl("__asan_default_options")
public func addressSanitizerDefaultOptions() -> UnsafePointer<CChar> {
    UnsafeRawPointer(("detect_leaks=0" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
}
