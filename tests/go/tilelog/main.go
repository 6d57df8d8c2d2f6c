// tilelog audits a canje log over HTTP as any C2SP tlog-tiles client would, with the Go
// checksum database's own packages (golang.org/x/mod/sumdb/note and .../tlog), independently of
// canje's code:
//
//	tilelog PREFIX_URL VKEY_FILE TOKEN [OLD_CHECKPOINT_FILE]
//
// It fetches PREFIX_URL/checkpoint and opens it with the verifier key (note.Open); reads the
// tree through tlog.TileHashReader, which fetches PREFIX_URL/tile/<L>/<N>[.p/<W>] and checks
// every tile against the checkpoint's root; fetches every entry bundle
// (PREFIX_URL/tile/entries/<N>[.p/<W>]) and proves each entry's inclusion with tlog.ProveRecord
// and tlog.CheckRecord; and, given an older checkpoint, proves that the log only grew since
// (tlog.ProveTree, tlog.CheckTree). TOKEN "-" sends no Authorization header. It prints
// "ok: ..." and exits 0, or prints the failure and exits 1.
//
// Build: GO111MODULE=off GOPATH=/usr/share/gocode go build (Debian's golang-golang-x-mod-dev).
package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const tileHeight = 8 // C2SP tlog-tiles: 256 hashes per tile

var prefix, token string

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "tilelog: "+format+"\n", args...)
	os.Exit(1)
}

func fetch(path string) []byte {
	request, err := http.NewRequest("GET", prefix+"/"+path, nil)
	if err != nil {
		fail("%v", err)
	}
	if token != "-" {
		request.Header.Set("Authorization", "Bearer "+token)
	}
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		fail("GET %s: %v", path, err)
	}
	defer response.Body.Close()
	body, err := io.ReadAll(response.Body)
	if err != nil || response.StatusCode != 200 {
		fail("GET %s: %d %s", path, response.StatusCode, body)
	}
	return body
}

// openCheckpoint verifies a signed checkpoint note and returns its tree. (x/mod 0.7's
// tlog.ParseTree accepts only the Go checksum database's origin, so the body is read here.)
func openCheckpoint(verifier note.Verifier, data []byte) tlog.Tree {
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
	var tree tlog.Tree
	tree.N = size
	copy(tree.Hash[:], root)
	return tree
}

// tiles reads C2SP tiles for tlog.TileHashReader. Go names tiles tile/H/L/N[.p/W]; the C2SP
// path has no height: tile/L/N[.p/W].
type tiles struct{}

func (tiles) Height() int { return tileHeight }

func (tiles) ReadTiles(wanted []tlog.Tile) ([][]byte, error) {
	data := make([][]byte, len(wanted))
	for i, tile := range wanted {
		data[i] = fetch("tile/" + strings.TrimPrefix(tile.Path(), fmt.Sprintf("tile/%d/", tileHeight)))
	}
	return data, nil
}

func (tiles) SaveTiles([]tlog.Tile, [][]byte) {}

// bundlePath is the C2SP path of entry bundle n of width w (256: full).
func bundlePath(n int64, w int) string {
	tile := tlog.Tile{H: tileHeight, L: 0, N: n, W: w}
	return "tile/entries/" + strings.TrimPrefix(tile.Path(), fmt.Sprintf("tile/%d/0/", tileHeight))
}

func decodeBundle(data []byte) [][]byte {
	var entries [][]byte
	for len(data) > 0 {
		if len(data) < 2 {
			fail("entry bundle: a length is cut short")
		}
		length := int(data[0])<<8 | int(data[1])
		if len(data) < 2+length {
			fail("entry bundle: an entry is cut short")
		}
		entries = append(entries, data[2:2+length])
		data = data[2+length:]
	}
	return entries
}

func main() {
	if len(os.Args) != 4 && len(os.Args) != 5 {
		fail("usage: tilelog PREFIX_URL VKEY_FILE TOKEN [OLD_CHECKPOINT_FILE]")
	}
	prefix, token = strings.TrimSuffix(os.Args[1], "/"), os.Args[3]
	vkey, err := os.ReadFile(os.Args[2])
	if err != nil {
		fail("%v", err)
	}
	verifier, err := note.NewVerifier(strings.TrimSpace(string(vkey)))
	if err != nil {
		fail("verifier key: %v", err)
	}
	tree := openCheckpoint(verifier, fetch("checkpoint"))
	reader := tlog.TileHashReader(tree, tiles{})

	for n := int64(0); n*256 < tree.N; n++ {
		width := 256
		if rest := tree.N - n*256; rest < 256 {
			width = int(rest)
		}
		entries := decodeBundle(fetch(bundlePath(n, width)))
		if len(entries) != width {
			fail("entry bundle %d: %d entries, want %d", n, len(entries), width)
		}
		for i, entry := range entries {
			index := n*256 + int64(i)
			var leaf struct {
				Seq int64 `json:"seq"`
			}
			if err := json.Unmarshal(entry, &leaf); err != nil || leaf.Seq != index {
				fail("entry %d: not the leaf of entry %d: %s", index, index, entry)
			}
			proof, err := tlog.ProveRecord(tree.N, index, reader)
			if err != nil {
				fail("entry %d: proving inclusion from the tiles: %v", index, err)
			}
			if err := tlog.CheckRecord(proof, tree.N, tree.Hash, index, tlog.RecordHash(entry)); err != nil {
				fail("entry %d: %v", index, err)
			}
		}
	}
	message := fmt.Sprintf("ok: %d entries included in the tree of size %d", tree.N, tree.N)
	if len(os.Args) == 5 {
		old, err := os.ReadFile(os.Args[4])
		if err != nil {
			fail("%v", err)
		}
		older := openCheckpoint(verifier, old)
		proof, err := tlog.ProveTree(tree.N, older.N, reader)
		if err != nil {
			fail("proving consistency from the tiles: %v", err)
		}
		if err := tlog.CheckTree(proof, tree.N, tree.Hash, older.N, older.Hash); err != nil {
			fail("consistency from %d to %d: %v", older.N, tree.N, err)
		}
		message += fmt.Sprintf(", consistent with the tree of size %d", older.N)
	}
	fmt.Println(message)
}
