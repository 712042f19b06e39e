;;; eglot_test.el --- Emacs with eglot against `claimlint lsp', in batch mode  -*- lexical-binding: t -*-

;; emacs --batch -Q -l tests/lsp/eglot_test.el (with eglot on the load path)
;; with CLAIMLINT_BIN (the binary) and LSP_TEST_DIR (a git workspace holding
;; article.md and .claimlint.yml) in the environment; run_editor_test.py
;; sets them.  Opens the article, waits for the diagnostics Flymake gets,
;; checks their regions on lines with accents, emoji and CJK, asks for a
;; hover and for code actions, applies the disable comment and the
;; replacement and sees each diagnostic go, then turns the rule off in the
;; config, saves it, and sees the server reload it through the file watcher
;; eglot registered.

(require 'cl-lib)
(require 'eglot)
(require 'flymake)

(defvar cl-test-bin (getenv "CLAIMLINT_BIN"))
(defvar cl-test-dir (file-name-as-directory (getenv "LSP_TEST_DIR")))
(defvar cl-test-rule "claim.non-invasive-needling")
(defvar cl-test-passed 0)
(defvar cl-test-failures nil)

(defun cl-test-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun cl-test-check (ok what &optional detail)
  (if ok
      (cl-incf cl-test-passed)
    (push (if detail (format "%s\n    %S" what detail) what) cl-test-failures))
  ok)

(defun cl-test-finish ()
  (dolist (f (reverse cl-test-failures)) (cl-test-out "FAIL: %s" f))
  (cl-test-out "eglot %s: %d passed, %d failed"
               (if (boundp 'eglot-version) eglot-version "1.x")
               cl-test-passed (length cl-test-failures))
  (kill-emacs (if cl-test-failures 1 0)))

(defun cl-test-wait (pred &optional seconds)
  "Run the event loop until PRED is non-nil or SECONDS pass."
  (let ((deadline (+ (float-time) (or seconds 30))))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      ;; File-notification events (eglot's file watchers) reach a batch
      ;; Emacs only through the input queue.
      (read-event nil nil 0.001))
    (funcall pred)))

(unless (fboundp 'markdown-mode)
  (define-derived-mode markdown-mode text-mode "Markdown"))

(setq eglot-server-programs `((markdown-mode . (,cl-test-bin "lsp" "--stdio"))))
(setq eglot-sync-connect t
      eglot-send-changes-idle-time 0.05
      eglot-autoshutdown nil
      flymake-no-changes-timeout 0.1
      make-backup-files nil
      create-lockfiles nil)

(defun cl-test-code (diag)
  (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diag))))
    (plist-get lsp :code)))

(defun cl-test-needling ()
  (sort (cl-remove-if-not (lambda (d) (equal (cl-test-code d) cl-test-rule))
                          (flymake-diagnostics))
        (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))

(defun cl-test-wait-count (n)
  (cl-test-wait (lambda ()
                  (eglot--signal-textDocument/didChange)
                  (= (length (cl-test-needling)) n))))

(defun cl-test-actions-at (pos)
  (let ((server (eglot-current-server))
        (lsp-pos (save-excursion (goto-char pos) (eglot--pos-to-lsp-position))))
    (append (jsonrpc-request
             server :textDocument/codeAction
             (list :textDocument (eglot--TextDocumentIdentifier)
                   :range (list :start lsp-pos :end lsp-pos)
                   :context (list :diagnostics [])))
            nil)))

(defun cl-test-find-action (actions regexp)
  (cl-find-if (lambda (a) (string-match-p regexp (plist-get a :title))) actions))

(condition-case err
    (progn
      (find-file (expand-file-name "article.md" cl-test-dir))
      (markdown-mode)
      (apply #'eglot (eglot--guess-contact))
      (cl-test-check (eglot-current-server) "eglot connects to claimlint lsp")
      (flymake-start)
      (cl-test-check (cl-test-wait-count 2) "two needling diagnostics reach Flymake"
                     (flymake-diagnostics))
      (let* ((diags (cl-test-needling))
             (text (lambda (d) (buffer-substring-no-properties
                                (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))))
        (cl-test-check (equal (funcall text (nth 0 diags))
                              "Acupuncture is a safe and non-invasive")
                       "region 1 covers the claim (after é and an emoji)"
                       (funcall text (nth 0 diags)))
        (cl-test-check (equal (funcall text (nth 1 diags)) "Dry needling is a non-invasive")
                       "region 2 covers the claim (after CJK)" (funcall text (nth 1 diags)))
        (cl-test-check (eq (flymake-diagnostic-type (nth 0 diags)) 'eglot-error)
                       "an error rule is a Flymake error")
        (cl-test-check (string-match-p "claimlint" (flymake-diagnostic-text (nth 0 diags)))
                       "the message names claimlint" (flymake-diagnostic-text (nth 0 diags)))

        ;; Hover.
        (goto-char (+ 2 (flymake-diagnostic-beg (nth 0 diags))))
        (let* ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                       (eglot--TextDocumentPositionParams)))
               (value (plist-get (plist-get hover :contents) :value)))
          (cl-test-check (and value (string-match-p (regexp-quote cl-test-rule) value))
                         "hover names the rule" value)
          (cl-test-check (and value (string-match-p "claimlint-disable-next-line" value))
                         "hover shows the suppression syntax" value))

        ;; The disable comment above the second claim's line.
        (let* ((actions (cl-test-actions-at (flymake-diagnostic-beg (nth 1 diags))))
               (disable (cl-test-find-action actions "for this line"))
               (config (cl-test-find-action actions "^Turn .* off in")))
          (cl-test-out "code actions: %s"
                       (mapconcat (lambda (a) (plist-get a :title)) actions " | "))
          (cl-test-check disable "a disable-comment action")
          (cl-test-check config "a turn-off-in-config action (the config exists)")
          (when disable
            (eglot--apply-workspace-edit (plist-get disable :edit))
            (save-excursion
              (goto-char (point-min))
              (cl-test-check
               (search-forward (format "<!-- claimlint-disable-next-line %s -- reason -->\n针灸"
                                       cl-test-rule)
                               nil t)
               "the comment is inserted above the line"))
            (cl-test-check (cl-test-wait-count 1)
                           "after the comment, one needling diagnostic is left"
                           (length (cl-test-needling)))))

        ;; The replacement on the first claim.
        (let* ((actions (cl-test-actions-at (flymake-diagnostic-beg (car (cl-test-needling)))))
               (replace (cl-test-find-action actions "^Replace")))
          (when (cl-test-check replace "a replace action")
            (eglot--apply-workspace-edit (plist-get replace :edit))
            (save-excursion
              (goto-char (point-min))
              (cl-test-check (search-forward "a safe and minimally invasive way" nil t)
                             "the replacement is applied"))
            (cl-test-check (cl-test-wait-count 0)
                           "after the replacement, no needling diagnostic is left"))))

      ;; Turn the rule off in the config: undo the two edits first, so the
      ;; diagnostics come back, then edit and save the config.
      (erase-buffer)
      (insert-file-contents (expand-file-name "article.md" cl-test-dir))
      (cl-test-check (cl-test-wait-count 2) "the original text has both diagnostics again")
      (let* ((actions (cl-test-actions-at (flymake-diagnostic-beg (car (cl-test-needling)))))
             (config (cl-test-find-action actions "^Turn .* off in"))
             (config-file (expand-file-name ".claimlint.yml" cl-test-dir))
             (article (current-buffer)))
        (when (cl-test-check config "the config action on the first claim")
          (find-file-noselect config-file)
          (eglot--apply-workspace-edit (plist-get config :edit))
          (with-current-buffer (find-buffer-visiting config-file)
            (cl-test-check (equal (buffer-string)
                                  (format "# house settings\nrules:\n  %s: off\n" cl-test-rule))
                           "the config edit adds the rule under rules:" (buffer-string))
            (save-buffer))
          (set-buffer article)
          (cl-test-check (cl-test-wait-count 0)
                         "once the config is saved, the watched-file change reloads it"
                         (length (cl-test-needling)))))
      (ignore-errors (eglot-shutdown (eglot-current-server))))
  (error (cl-test-check nil "the script ran to the end" err)))

(cl-test-finish)
