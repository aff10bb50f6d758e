import { describe, expect, it } from "vitest";
import { MESSAGES, PermissionError, canAdmin, canEdit, checkRole, hasRole, isRole, type CurrentUser } from "./roles";

const user = (role: CurrentUser["role"]): CurrentUser => ({ id: `u-${role}`, name: role, email: `${role}@example.org`, role });

describe("roles", () => {
  it("lets editors and admins edit, and only admins administer", () => {
    expect([null, undefined, user("analyst"), user("editor"), user("admin")].map(canEdit)).toEqual([false, false, false, true, true]);
    expect([null, undefined, user("analyst"), user("editor"), user("admin")].map(canAdmin)).toEqual([false, false, false, false, true]);
  });

  it("ranks analyst < editor < admin", () => {
    expect(hasRole(user("analyst"), "analyst")).toBe(true);
    expect(hasRole(user("analyst"), "editor")).toBe(false);
    expect(hasRole(user("admin"), "editor")).toBe(true);
  });

  it("refuses nobody with 401 and a weak role with 403, each with a sentence", () => {
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      throw new Error("not refused");
    };
    const anonymous = refusal(() => checkRole(null, "editor"));
    expect(anonymous).toBeInstanceOf(PermissionError);
    expect(anonymous).toMatchObject({ status: 401, code: "unauthenticated", message: MESSAGES.signIn });

    const analyst = refusal(() => checkRole(user("analyst"), "editor"));
    expect(analyst).toMatchObject({ status: 403, code: "forbidden", message: MESSAGES.editorOnly });

    const editor = refusal(() => checkRole(user("editor"), "admin"));
    expect(editor).toMatchObject({ status: 403, message: MESSAGES.adminOnly });

    expect(checkRole(user("editor"), "editor").id).toBe("u-editor");
    expect(checkRole(user("admin"), "admin").role).toBe("admin");
  });

  it("knows the three roles and nothing else", () => {
    expect(["analyst", "editor", "admin"].every(isRole)).toBe(true);
    expect(["root", "", null, 1].some(isRole)).toBe(false);
  });
});
