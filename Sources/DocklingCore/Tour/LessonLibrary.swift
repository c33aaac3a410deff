import FoundationEssentials

/// Finds the lessons folder and reads the lessons in it, in number order.
public struct LessonLibrary {
    public let directory: String

    /// `--lessons DIR`, else `DOCKLING_LESSONS`, else a `lessons/` folder above the
    /// executable (a source checkout), else the installed copy.
    public static func locate(option: String?, executableDirectory: String) throws -> LessonLibrary {
        let files = FileManager.default
        var candidates = [option, ProcessEnvironment.value("DOCKLING_LESSONS")].compactMap { $0 }
        var dir = executableDirectory
        for _ in 0..<5 {
            candidates.append(dir + "/lessons")
            dir = Path.parent(of: dir)
        }
        candidates.append(Path.parent(of: executableDirectory) + "/share/dockling/lessons")
        guard let found = candidates.first(where: { files.fileExists(atPath: $0 + "/01-namespaces.md") }) else {
            throw UsageError(step: "tour", "cannot find the lessons folder",
                             hint: "pass --lessons DIR or set DOCKLING_LESSONS")
        }
        return LessonLibrary(directory: found)
    }

    /// Every `NN-*.md` lesson, in order.
    public func lessons() throws -> [Lesson] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".md") && $0.first?.isNumber == true }
            .sorted()
        return try names.map { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            return try LessonParser.parse(String(decoding: data, as: UTF8.self), fileName: name)
        }
    }

    /// The lessons' glossary (`glossary.md` beside them); empty when there is none.
    public func glossary() -> Glossary {
        let text = (try? Data(contentsOf: URL(fileURLWithPath: directory + "/glossary.md"))).map { String(decoding: $0, as: UTF8.self) }
        return Glossary(markdown: text ?? "")
    }
}
