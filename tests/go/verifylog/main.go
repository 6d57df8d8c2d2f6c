// verifylog checks a canje evidence bundle with the Go checksum database's own packages
// (golang.org/x/mod/sumdb/note and .../tlog), independently of canje's code:
//
//	verifylog BUNDLE_DIR [OLD_CHECKPOINT CONSISTENCY_PROOF]
//
// It opens BUNDLE_DIR/checkpoint with the key in BUNDLE_DIR/log.vkey (note.Open), parses the
// checkpoint body itself (x/mod 0.7's tlog.ParseTree accepts only the Go checksum database's
// origin), checks every entry's inclusion proof with tlog.CheckRecord, and, given an older
// checkpoint and a consistency proof, checks with tlog.CheckTree that the log only grew.
// It prints "ok" and exits 0, or prints the failure and exits 1.
//
// Build: GO111MODULE=off GOPATH=/usr/share/gocode go build (Debian's golang-golang-x-mod-dev).
package main

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "verifylog: "+format+"\n", args...)
	os.Exit(1)
}

func read(path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		fail("%v", err)
	}
	return data
}

// openCheckpoint verifies a signed checkpoint note and returns its size and root.
func openCheckpoint(verifier note.Verifier, data []byte) (int64, tlog.Hash) {
	n, err := note.Open(data, note.VerifierList(verifier))
	if err != nil {
		fail("checkpoint signature: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 || lines[0] != verifier.Name() {
		fail("checkpoint body: want origin %q, size and root", verifier.Name())
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 {
		fail("checkpoint size %q", lines[1])
	}
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != tlog.HashSize {
		fail("checkpoint root %q", lines[2])
	}
	var hash tlog.Hash
	copy(hash[:], root)
	return size, hash
}

func readProof(path string) []tlog.Hash {
	var proof []tlog.Hash
	for _, line := range strings.Split(strings.TrimSpace(string(read(path))), "\n") {
		if line == "" {
			continue
		}
		bytes, err := base64.StdEncoding.DecodeString(line)
		if err != nil || len(bytes) != tlog.HashSize {
			fail("%s: bad hash %q", path, line)
		}
		var hash tlog.Hash
		copy(hash[:], bytes)
		proof = append(proof, hash)
	}
	return proof
}

func main() {
	if len(os.Args) != 2 && len(os.Args) != 4 {
		fail("usage: verifylog BUNDLE_DIR [OLD_CHECKPOINT CONSISTENCY_PROOF]")
	}
	dir := os.Args[1]
	verifier, err := note.NewVerifier(strings.TrimSpace(string(read(filepath.Join(dir, "log.vkey")))))
	if err != nil {
		fail("verifier key: %v", err)
	}
	size, root := openCheckpoint(verifier, read(filepath.Join(dir, "checkpoint")))
	leaves, _ := filepath.Glob(filepath.Join(dir, "entries", "*.leaf"))
	if len(leaves) == 0 {
		fail("no entries in %s", dir)
	}
	for _, leaf := range leaves {
		index, err := strconv.ParseInt(strings.TrimSuffix(filepath.Base(leaf), ".leaf"), 10, 64)
		if err != nil {
			fail("entry file name %s", leaf)
		}
		proof := readProof(strings.TrimSuffix(leaf, ".leaf") + ".proof")
		if err := tlog.CheckRecord(proof, size, root, index, tlog.RecordHash(read(leaf))); err != nil {
			fail("entry %d: %v", index, err)
		}
	}
	if len(os.Args) == 4 {
		oldSize, oldRoot := openCheckpoint(verifier, read(os.Args[2]))
		if err := tlog.CheckTree(readProof(os.Args[3]), size, root, oldSize, oldRoot); err != nil {
			fail("consistency from %d to %d: %v", oldSize, size, err)
		}
	}
	fmt.Printf("ok: %d entries included in a tree of size %d\n", len(leaves), size)
}
